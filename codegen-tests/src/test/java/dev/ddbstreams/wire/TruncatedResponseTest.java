package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A response cut short at any byte is a clear {@link MalformedResponseException}, never a partial result, and
 * the client goes on serving. The body arrives complete as HTTP (its Content-Length is the cut length): only the
 * JSON is short, as when a proxy or a broken service truncates what it relays.
 *
 * <p>The cut at byte 0 is left out: an empty body is what the protocol allows for an operation without output,
 * and reads as {@code {}}.
 */
class TruncatedResponseTest {

    private final HostileServer hostile = new HostileServer();

    @AfterEach
    void close() {
        hostile.close();
    }

    @Test
    void getRecordsCutAtEveryByte() {
        cutAtEveryByte(HostileServer.resource("get-records-response.json"), "GetRecords",
                client -> client.getRecords(r -> r.shardIterator("it")));
    }

    @Test
    void describeStreamCutAtEveryByte() {
        cutAtEveryByte(HostileServer.resource("describe-stream-response.json"), "DescribeStream",
                client -> client.describeStream(r -> r.streamArn("arn")));
    }

    private void cutAtEveryByte(String response, String operation,
                                Function<dev.ddbstreams.streams.DynamoDbStreamsClient, Object> call) {
        byte[] whole = response.getBytes(StandardCharsets.UTF_8);
        for (int length = 1; length < whole.length; length++) {
            byte[] cut = Arrays.copyOf(whole, length);
            SdkClientException failure = hostile.failure(call, HostileServer.json(cut));
            assertThat(failure).as("cut after %d of %d bytes", length, whole.length)
                    .isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("The response to " + operation);
            hostile.servesTheNextRequestNormally();
        }
    }
}
