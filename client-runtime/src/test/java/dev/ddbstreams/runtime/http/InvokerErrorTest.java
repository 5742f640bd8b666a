package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.http.TestService.ExpiredIteratorException;
import dev.ddbstreams.runtime.http.TestService.ResourceNotFoundException;
import dev.ddbstreams.runtime.http.TestService.StreamsException;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Error responses become the modeled exception, or a clear fallback, whatever their body (one attempt each). */
class InvokerErrorTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @BeforeEach
    void createInvoker() {
        invoker = new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .retryPolicy(RetryPolicy.none())
                .systemEnvironment(TestEnvironment.empty())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
    }

    @AfterEach
    void closeInvoker() {
        invoker.close();
    }

    private AwsServiceException callFailing() {
        return catchThrowableOfType(AwsServiceException.class,
                () -> invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS));
    }

    private static MockResponse jsonError(int status, String body) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", "application/x-amz-json-1.0")
                .addHeader("x-amzn-RequestId", "REQ123")
                .body(body)
                .build();
    }

    @Test
    void registeredCodeBecomesItsExceptionWithAllDetails() {
        server.enqueue(jsonError(400,
                "{\"__type\":\"ResourceNotFoundException\",\"message\":\"Requested resource not found\"}"));

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(ResourceNotFoundException.class);
        assertThat(e.errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(e.errorMessage()).isEqualTo("Requested resource not found");
        assertThat(e.requestId()).isEqualTo("REQ123");
        assertThat(e.statusCode()).isEqualTo(400);
        assertThat(e.awsErrorDetails().serviceName()).isEqualTo("DynamoDB Streams");
        assertThat(e).hasMessage("Requested resource not found (Service: DynamoDB Streams, Status Code: 400, "
                + "Error Code: ResourceNotFoundException, Request ID: REQ123) (SDK Attempt Count: 1)");
        assertThat(e.numAttempts()).isEqualTo(1);
    }

    @Test
    void namespacePrefixOfTypeIsRemoved() {
        server.enqueue(jsonError(400, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ExpiredIteratorException\","
                + "\"message\":\"Iterator expired\"}"));

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(ExpiredIteratorException.class);
        assertThat(e.errorCode()).isEqualTo("ExpiredIteratorException");
    }

    @Test
    void capitalisedMessageFieldIsRead() {
        server.enqueue(jsonError(400, "{\"__type\":\"ResourceNotFoundException\",\"Message\":\"Capital M\"}"));

        assertThat(callFailing().errorMessage()).isEqualTo("Capital M");
    }

    @Test
    void otherFieldsAndNestedValuesAreSkipped() {
        server.enqueue(jsonError(400, "{\"details\":{\"message\":\"nested, not this\"},\"list\":[1,{\"a\":2}],"
                + "\"message\":\"top level\",\"__type\":\"ResourceNotFoundException\"}"));

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(ResourceNotFoundException.class);
        assertThat(e.errorMessage()).isEqualTo("top level");
    }

    @Test
    void codeOnlyInErrorTypeHeaderIsUsedWithoutItsSuffix() {
        server.enqueue(new MockResponse.Builder().code(400)
                .addHeader("x-amzn-ErrorType",
                        "ExpiredIteratorException:http://internal.amazon.com/coral/com.amazon.coral.validate/")
                .body("{\"message\":\"Iterator expired\"}")
                .build());

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(ExpiredIteratorException.class);
        assertThat(e.errorCode()).isEqualTo("ExpiredIteratorException");
        assertThat(e.errorMessage()).isEqualTo("Iterator expired");
    }

    @Test
    void unregisteredCodeFallsBackToTheServiceException() {
        server.enqueue(jsonError(400, "{\"__type\":\"com.amazon.coral.service#ThrottlingException\","
                + "\"message\":\"Rate exceeded\"}"));

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(StreamsException.class);
        assertThat(e.errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.errorMessage()).isEqualTo("Rate exceeded");
        assertThat(e.requestId()).isEqualTo("REQ123");
    }

    @Test
    void htmlBodyFromAProxyGivesAClearFallbackException() {
        server.enqueue(new MockResponse.Builder().code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html>\n<head><title>502 Bad Gateway</title></head>\n<body>nginx</body>\n</html>\n")
                .build());

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(StreamsException.class);
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(e.errorMessage())
                .startsWith("HTTP 502")
                .contains("not a JSON")
                .contains("<html> <head><title>502 Bad Gateway</title></head>");
    }

    @Test
    void longNonJsonBodyIsQuotedShortly() {
        server.enqueue(new MockResponse.Builder().code(503).body("x".repeat(100_000)).build());

        AwsServiceException e = callFailing();

        assertThat(e.errorMessage()).contains("xxxx...").hasSizeLessThan(300);
    }

    @Test
    void emptyErrorBodyGivesAClearFallbackException() {
        server.enqueue(new MockResponse.Builder().code(500).build());

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(StreamsException.class);
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.errorMessage()).startsWith("HTTP 500").contains("empty body");
    }

    @Test
    void jsonThatIsNotAnObjectIsTreatedAsNonJson() {
        server.enqueue(jsonError(500, "[\"ResourceNotFoundException\"]"));

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(StreamsException.class);
        assertThat(e.errorMessage()).contains("not a JSON").contains("[\"ResourceNotFoundException\"]");
    }

    @Test
    void nonJsonBodyStillUsesTheErrorTypeHeader() {
        server.enqueue(new MockResponse.Builder().code(400)
                .addHeader("x-amzn-ErrorType", "ResourceNotFoundException")
                .body("Not Found")
                .build());

        AwsServiceException e = callFailing();

        assertThat(e).isExactlyInstanceOf(ResourceNotFoundException.class);
        assertThat(e.errorMessage()).contains("Not Found");
    }

    @Test
    void redirectIsNotFollowedButReported() {
        server.enqueue(new MockResponse.Builder().code(307).addHeader("Location", server.url("/elsewhere")).build());

        AwsServiceException e = callFailing();

        assertThat(e.statusCode()).isEqualTo(307);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void errorBodyFailingItsCrc32IsReportedAsCorruption() {
        String body = "{\"__type\":\"ResourceNotFoundException\"}";
        CRC32 crc32 = new CRC32();
        crc32.update(body.getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder().code(400)
                .addHeader("x-amz-crc32", crc32.getValue() + 1)
                .body(body)
                .build());

        assertThatThrownBy(() -> invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS))
                .isInstanceOf(Crc32MismatchException.class);
    }

    @Test
    void errorBodyPassingItsCrc32IsMapped() {
        String body = "{\"__type\":\"ResourceNotFoundException\"}";
        CRC32 crc32 = new CRC32();
        crc32.update(body.getBytes(StandardCharsets.UTF_8));
        server.enqueue(new MockResponse.Builder().code(400).addHeader("x-amz-crc32", crc32.getValue()).body(body)
                .build());

        assertThat(callFailing()).isExactlyInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void unreachableEndpointIsAClientExceptionNamingTheOperation() {
        server.close();

        assertThatThrownBy(() -> invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("DescribeStream")
                .hasCauseInstanceOf(java.io.IOException.class);
    }
}
