package dev.ddbstreams.wire;

import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.CRC32;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import okio.Buffer;

/**
 * Serves the same response to every request until told otherwise. Unlike a queue, a response left unread when an
 * assertion fails cannot be served to the next example, so one failure never cascades into others while
 * QuickTheories shrinks it.
 */
final class ServedResponse extends Dispatcher {

    private final AtomicReference<MockResponse> response =
            new AtomicReference<>(new MockResponse.Builder().code(200).body("{}").build());

    /** A 200 response with this JSON body and its {@code x-amz-crc32}, as DynamoDB Streams sends them. */
    void json(byte[] body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        response.set(new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .setHeader("x-amz-crc32", crc32.getValue())
                .body(new Buffer().write(body))
                .build());
    }

    void set(MockResponse next) {
        response.set(next);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        return response.get();
    }
}
