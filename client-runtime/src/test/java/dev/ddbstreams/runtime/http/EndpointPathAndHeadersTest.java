package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * An endpoint override keeps its path exactly, trailing slash included, and the signature covers that path; a
 * query-compatible service's requests carry {@code x-amzn-query-mode: true}.
 */
class EndpointPathAndHeadersTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private RecordedRequest call(String path, ServiceMetadata metadata, OperationDescriptor<RoutedCalls.LabelRequest, ?> op)
            throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        URI endpoint = URI.create(server.url("/").toString().replaceFirst("/$", "") + path);
        invoker = new AwsJsonProtocolInvoker(RoutedCalls.settings().endpointOverride(endpoint).build(), metadata,
                TestService.ERROR_MAPPER);
        invoker.invoke(op, new RoutedCalls.LabelRequest("x"));
        return server.takeRequest();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"'', /", "/, /", "/custom/, /custom/", "/custom, /custom", "/a/b/, /a/b/"})
    void theOverridesPathIsKeptAndSigned(String path, String expected) throws Exception {
        RecordedRequest request = call(path, TestService.METADATA, RoutedCalls.PLAIN);

        assertThat(request.getTarget()).isEqualTo(expected);
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target"}) {
            signed.put(name, request.getHeaders().get(name));
        }
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST", expected, signed,
                request.getBody().toByteArray(), RoutedCalls.ACCESS_KEY_ID, RoutedCalls.SECRET_KEY, "us-east-1", "dynamodb",
                "20150830T123600Z"));
    }

    @Test
    void anEncodedPathIsSentAsGiven() throws Exception {
        assertThat(call("/with%20space/", TestService.METADATA, RoutedCalls.PLAIN).getTarget()).isEqualTo("/with%20space/");
    }

    @Test
    void aPathIsKeptWhenTheRequestIsShapedToo() throws Exception {
        RecordedRequest request = call("/custom/", TestService.METADATA, RoutedCalls.PLAIN.withRequestCompression());

        assertThat(request.getTarget()).isEqualTo("/custom/");
    }

    @Test
    void aQueryCompatibleServiceSendsTheQueryModeHeaderSigned() throws Exception {
        ServiceMetadata sqs = new ServiceMetadata("SQS", "AmazonSQS", "1.0", "sqs", "sqs", true);

        RecordedRequest request = call("/", sqs, RoutedCalls.PLAIN);

        assertThat(request.getHeaders().get("x-amzn-query-mode")).isEqualTo("true");
        assertThat(request.getHeaders().get("Authorization")).contains("x-amzn-query-mode");
    }

    @Test
    void otherServicesDoNot() throws Exception {
        assertThat(call("/", TestService.METADATA, RoutedCalls.PLAIN).getHeaders().get("x-amzn-query-mode")).isNull();
    }
}
