package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Responses built to exhaust the client: nesting ten thousand levels deep (a recursive reader would overflow its
 * stack) and a 100 MB string (which would have to be held in memory). Each is a clear {@link SdkClientException},
 * never a {@link StackOverflowError} or {@link OutOfMemoryError}, and the client goes on serving.
 */
class OversizedResponseTest {

    private static final int DEPTH = 10_000;
    private static final long HUNDRED_MB = 100L * 1024 * 1024;

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    private static String inKeys(String attributeValue) {
        return "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"k\":" + attributeValue + "}}}]}";
    }

    static Stream<Arguments> deeplyNested() {
        return Stream.of(
                Arguments.of("L in L", inKeys("{\"L\":[".repeat(DEPTH) + "{\"S\":\"x\"}" + "]}".repeat(DEPTH))),
                Arguments.of("M in M", inKeys("{\"M\":{\"a\":".repeat(DEPTH) + "{\"S\":\"x\"}" + "}}".repeat(DEPTH))),
                Arguments.of("arrays in a union member unknown to the client",
                        inKeys("{\"X\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}")),
                Arguments.of("arrays in a structure member unknown to the client",
                        "{\"Unknown\":" + "[".repeat(DEPTH) + "]".repeat(DEPTH) + "}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("deeplyNested")
    void tenThousandLevelsOfNestingAreRejected(String what, String body) {
        SdkClientException failure = HOSTILE.getRecordsFailure(body);

        assertThat(failure).as(what).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("nesting depth");
        HOSTILE.servesTheNextRequestNormally();
    }

    @Test
    void nestingWithinTheLimitIsReadAndUsable() {
        // 400 levels of L are 800 levels of JSON, under the parser's limit of 1,000: read, compared and printed
        // without a deep stack.
        String body = inKeys("{\"L\":[".repeat(400) + "{\"S\":\"x\"}" + "]}".repeat(400));
        GetRecordsResponse response = (GetRecordsResponse) HOSTILE.getRecordsResult(body.getBytes(StandardCharsets.UTF_8));

        AttributeValue value = response.records().get(0).dynamodb().keys().get("k");
        for (int level = 0; level < 400; level++) {
            value = value.l().get(0);
        }
        assertThat(value).isEqualTo(AttributeValue.fromS("x"));
        assertThat(response).isEqualTo(HOSTILE.getRecordsResult(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(response.toString()).hasSizeGreaterThan(400);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the shard iterator|{\"NextShardIterator\":\"|\"}",
        "a string attribute|{\"Records\":[{\"dynamodb\":{\"Keys\":{\"k\":{\"S\":\"|\"}}}}]}",
        "an item's attribute name|{\"Records\":[{\"dynamodb\":{\"Keys\":{\"|\":{\"S\":\"x\"}}}}]}",
        "a member name|{\"|\":1}"})
    void aHundredMegabyteStringIsRejected(String where, String before, String after) {
        SdkClientException failure = HOSTILE.failure(client -> client.getRecords(r -> r.shardIterator("it")),
                hugeString(before, after));

        assertThat(failure).as(where).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to GetRecords")
                .hasMessageContaining("exceeds the maximum");
        HOSTILE.servesTheNextRequestNormally();
    }

    /**
     * Where the client has nothing to keep (a member it does not know) it may skip a huge value rather than fail;
     * a binary attribute it may decode or refuse. Either way: no {@link Error}, and the client goes on serving.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a member unknown to the client|{\"Unknown\":\"|\"}",
        "a binary attribute|{\"Records\":[{\"dynamodb\":{\"Keys\":{\"k\":{\"B\":\"|\"}}}}]}"})
    void aHundredMegabyteValueElsewhereIsSkippedOrRejected(String where, String before, String after) {
        HOSTILE.servedResponse(hugeString(before, after));
        Throwable thrown = catchThrowable(() -> HOSTILE.client().getRecords(r -> r.shardIterator("it")));

        assertThat(thrown).as(where).satisfiesAnyOf(
                t -> assertThat(t).isNull(),
                t -> assertThat(t).isInstanceOf(SdkClientException.class));
        HOSTILE.servesTheNextRequestNormally();
    }

    @Test
    void aHundredMegabyteErrorBodyIsCutShort() {
        MockResponse error = new MockResponse.Builder().code(400)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .body(new StreamedBody("{\"__type\":\"LimitExceededException\",\"message\":\"", "\"}"))
                .build();
        HOSTILE.servedResponse(error);

        Throwable thrown = catchThrowable(() -> HOSTILE.client().getRecords(r -> r.shardIterator("it")));

        // Read only to the error reader's limit, so the message is a short excerpt, not 100 MB.
        assertThat(thrown).isInstanceOf(AwsServiceException.class);
        assertThat(thrown.getMessage()).hasSizeLessThan(1_000);
        HOSTILE.servesTheNextRequestNormally();
    }

    private static MockResponse hugeString(String before, String after) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .body(new StreamedBody(before, after))
                .build();
    }

    /**
     * {@code before}, 100 MB of {@code A} (a letter, and valid base64), {@code after}: written as it is sent, so
     * the server never holds 100 MB.
     */
    private static final class StreamedBody implements MockResponseBody {

        private final byte[] before;
        private final byte[] after;

        StreamedBody(String before, String after) {
            this.before = before.getBytes(StandardCharsets.UTF_8);
            this.after = after.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public long getContentLength() {
            return before.length + HUNDRED_MB + after.length;
        }

        @Override
        public void writeTo(BufferedSink sink) throws IOException {
            byte[] chunk = "A".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            sink.write(before);
            for (long written = 0; written < HUNDRED_MB; written += chunk.length) {
                sink.write(chunk);
            }
            sink.write(after);
        }
    }
}
