package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Responses get the request id, status and headers of the HTTP response they were read from. */
class ResponseMetadataTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    @Test
    void theAttacherReceivesRequestIdStatusAndHeaders() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}")
                .addHeader("x-amzn-RequestId", "req-1").addHeader("X-Custom", "a").addHeader("X-Custom", "b").build());
        AtomicReference<ResponseMetadata> seen = new AtomicReference<>();
        OperationDescriptor<RoutedCalls.LabelRequest, Map<String, String>> op = RoutedCalls.PLAIN.withResponseMetadata((response, metadata) -> {
            seen.set(metadata);
            return Map.of("attached", metadata.requestId());
        });
        invoker = new AwsJsonProtocolInvoker(RoutedCalls.settings().endpointOverride(server.url("/").uri()).build(),
                TestService.METADATA, TestService.ERROR_MAPPER);

        Map<String, String> response = invoker.invoke(op, new RoutedCalls.LabelRequest("x"));

        assertThat(response).containsEntry("attached", "req-1");
        ResponseMetadata metadata = seen.get();
        assertThat(metadata.requestId()).isEqualTo("req-1");
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(metadata.headers().get("x-custom")).containsExactly("a", "b");
        assertThat(metadata.firstHeader("X-CUSTOM")).contains("a");
        assertThat(metadata.httpResponse().isSuccessful()).isTrue();
        assertThat(metadata).hasToString("ResponseMetadata(requestId=req-1, statusCode=200)");
    }

    @Test
    void noneHasNoRequestIdAndStatusZero() {
        assertThat(ResponseMetadata.none().requestId()).isNull();
        assertThat(ResponseMetadata.none().statusCode()).isZero();
        assertThat(ResponseMetadata.none().headers()).isEmpty();
    }
}
