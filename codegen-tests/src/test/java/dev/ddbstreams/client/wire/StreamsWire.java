package dev.ddbstreams.client.wire;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.zip.CRC32;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;

/**
 * What the wire tests share: a generated client pointed at a {@link MockWebServer}, responses shaped like the
 * service's, and the fixtures under {@code src/test/resources/fixtures}.
 */
final class StreamsWire {

    static final String ACCESS_KEY_ID = "AKID";
    static final String SECRET_KEY = "SECRET";
    static final String REGION = "us-west-2";

    /** The fixed signing time, so {@code X-Amz-Date} and the credential scope are known in advance. */
    static final Instant SIGNING_TIME = Instant.parse("2015-08-30T12:36:00Z");

    static final String REQUEST_ID = "KBPLHVMC1O8PAJ4I5RPGC3QSPFVV4KQNSO5AEMVJF66Q9ASUAAJG";

    static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private StreamsWire() {}

    /** The generated client as an application would build it, but sending to {@code server}. */
    /**
     * A client for the mock server. Retries are off: these tests look at what one response becomes, and a retried
     * 5xx would wait for a second response that is never queued. {@link RetryWiringTest} covers retries.
     */
    static DynamoDbStreamsClient client(MockWebServer server) {
        return DynamoDbStreamsClient.builder()
                .retryPolicy(RetryPolicy.none())
                .endpointOverride(server.url("/").uri())
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY))
                .clock(Clock.fixed(SIGNING_TIME, ZoneOffset.UTC))
                .build();
    }

    /** A 200 response as the service sends it: JSON content type, a request id and the body's CRC32. */
    static MockResponse ok(String body) {
        return new MockResponse.Builder().code(200)
                .addHeader("Content-Type", CONTENT_TYPE)
                .addHeader("x-amzn-RequestId", REQUEST_ID)
                .addHeader("x-amz-crc32", crc32(body))
                .body(body)
                .build();
    }

    /** An error response as the service sends it. */
    static MockResponse error(int status, String body) {
        return new MockResponse.Builder().code(status)
                .addHeader("Content-Type", CONTENT_TYPE)
                .addHeader("x-amzn-RequestId", REQUEST_ID)
                .addHeader("x-amz-crc32", crc32(body))
                .body(body)
                .build();
    }

    /** The CRC32 of the UTF-8 bytes of {@code body}, as the service writes it in {@code x-amz-crc32}. */
    static long crc32(String body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body.getBytes(StandardCharsets.UTF_8));
        return crc32.getValue();
    }

    /** A file of {@code src/test/resources/fixtures}, as text. */
    static String fixture(String name) {
        String path = "/fixtures/" + name;
        try (InputStream in = StreamsWire.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + path + " on the test class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
