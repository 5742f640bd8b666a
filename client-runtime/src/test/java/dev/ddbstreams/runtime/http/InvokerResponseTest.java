package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.json.JsonReading;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Reading successful responses: streaming, empty bodies, CRC32 checks, malformed and cut-off bodies. One attempt per
 * call, so each failure is seen as it is; retrying them is {@link InvokerRetryTest}'s subject.
 */
class InvokerResponseTest {

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

    private Map<String, String> call() {
        return invoker.invoke("GetRecords", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);
    }

    private static long crc32(String body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body.getBytes(StandardCharsets.UTF_8));
        return crc32.getValue();
    }

    @Test
    void unmarshallerReadsTheResponseStream() {
        server.enqueue(new MockResponse.Builder().code(200)
                .body("{\"NextShardIterator\":\"it-2\",\"Other\":\"x\"}").build());
        AtomicReference<Object> source = new AtomicReference<>();

        Map<String, String> result = invoker.invoke("GetRecords", TestJson.EMPTY_OBJECT, parser -> {
            source.set(parser.getInputSource());
            return TestJson.STRING_MEMBERS.read(parser);
        });

        assertThat(result).containsExactly(Map.entry("NextShardIterator", "it-2"), Map.entry("Other", "x"));
        // Parsed from the network stream, not from a String or array the body was first copied into.
        assertThat(source.get()).isInstanceOf(InputStream.class);
    }

    @Test
    void emptyBodyReadsAsAnEmptyObject() {
        server.enqueue(new MockResponse.Builder().code(200).build());

        assertThat(call()).isEmpty();
    }

    @Test
    void matchingCrc32Passes() {
        String body = "{\"NextShardIterator\":\"it-2\"}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(body)).body(body).build());

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
    }

    @Test
    void matchingCrc32PassesForAChunkedBodyWithUnreadTrailingWhitespace() {
        String body = "{\"NextShardIterator\":\"it-2\"}" + " ".repeat(20_000) + "\n";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(body))
                .chunkedBody(body, 1000).build());

        assertThat(call()).containsEntry("NextShardIterator", "it-2");
    }

    @Test
    void crc32OfAnEmptyBodyIsChecked() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", "0").build());
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", "1").build());

        assertThat(call()).isEmpty();
        assertThatThrownBy(this::call).isInstanceOf(Crc32MismatchException.class);
    }

    @Test
    void mismatchingCrc32Throws() {
        String body = "{\"NextShardIterator\":\"it-2\"}";
        long wrong = crc32(body) ^ 1;
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", wrong).body(body).build());

        assertThatThrownBy(this::call)
                .isInstanceOfSatisfying(Crc32MismatchException.class, e -> {
                    assertThat(e.expectedCrc32()).isEqualTo(wrong);
                    assertThat(e.actualCrc32()).isEqualTo(crc32(body));
                })
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("CRC32");
    }

    @Test
    void corruptionThatBreaksTheJsonIsReportedAsCrc32Mismatch() {
        String sent = "{\"NextShardIterator\":\"it-2\"}";
        String corrupted = "{\"NextShardIterator\"X\"it-2\"}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(sent))
                .body(corrupted).build());

        assertThatThrownBy(this::call)
                .isInstanceOf(Crc32MismatchException.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .isInstanceOf(MalformedResponseException.class));
    }

    @Test
    void corruptionThatChangesAValueTypeIsReportedAsCrc32Mismatch() {
        String sent = "{\"NextShardIterator\":\"1234\"}";
        String corrupted = "{\"NextShardIterator\": 1234 }";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(sent))
                .body(corrupted).build());

        assertThatThrownBy(this::call).isInstanceOf(Crc32MismatchException.class);
    }

    @Test
    void invalidJsonWithMatchingCrc32IsMalformed() {
        String body = "{\"NextShardIterator\": nope}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(body)).body(body).build());

        assertThatThrownBy(this::call)
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("not valid JSON")
                .hasMessageContaining("line 1, column");
    }

    @Test
    void wrongValueTypeIsMalformedNamingOperationAndMember() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"NextShardIterator\": true}").build());

        assertThatThrownBy(this::call)
                .isExactlyInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("TestOutput.NextShardIterator")
                .hasMessageContaining("expected a string but found a boolean");
    }

    @Test
    void jsonThatEndsEarlyIsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"NextShardIterator\":").build());

        assertThatThrownBy(this::call)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("GetRecords");
    }

    @Test
    void invalidCrc32HeaderIsMalformed() {
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", "abc").body("{}").build());

        assertThatThrownBy(this::call)
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("x-amz-crc32");
    }

    @Test
    void bodyCutOffMidwayIsAClientExceptionAndTheNextCallWorks() {
        String body = "{\"NextShardIterator\":\"" + "a".repeat(100_000) + "\"}";
        server.enqueue(new MockResponse.Builder().code(200).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());
        server.enqueue(new MockResponse.Builder().code(200).body("{\"NextShardIterator\":\"it-3\"}").build());

        assertThatThrownBy(this::call)
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("GetRecords")
                .hasMessageContaining("closed before the body was complete");
        assertThat(call()).containsEntry("NextShardIterator", "it-3");
    }

    @Test
    void bodyCutOffMidwayWithCrc32IsAClientExceptionNotAMismatch() {
        String body = "{\"NextShardIterator\":\"" + "a".repeat(100_000) + "\"}";
        server.enqueue(new MockResponse.Builder().code(200).addHeader("x-amz-crc32", crc32(body)).body(body)
                .onResponseBody(new SocketEffect.CloseSocket()).build());

        assertThatThrownBy(this::call)
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("closed before the body was complete");
    }

    @Test
    void unmarshallerErrorsRaisedThroughJsonReadingNameTheOperation() {
        server.enqueue(new MockResponse.Builder().code(200).body("[]").build());

        assertThatThrownBy(() -> invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, parser -> {
            parser.nextToken();
            JsonReading.expectStartObject(parser, "DescribeStreamOutput");
            return null;
        }))
                .isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("DescribeStream")
                .hasMessageContaining("DescribeStreamOutput: expected an object but found an array");
    }
}
