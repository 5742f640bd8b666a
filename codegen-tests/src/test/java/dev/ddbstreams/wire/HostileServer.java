package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import dev.ddbstreams.streams.model.Record;
import dev.ddbstreams.streams.model.StreamRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okio.Buffer;

/**
 * One client talking to a server that answers as told, for the hostile-response tests: serve something broken,
 * check the client fails with a clear {@link SdkClientException} (never another exception or an {@link Error}),
 * then check the same client still serves a good response normally.
 */
final class HostileServer implements AutoCloseable {

    private static final String GOOD_BODY =
            "{\"NextShardIterator\":\"next\",\"Records\":[{\"eventID\":\"1\",\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"a\"}}}}]}";
    private static final GetRecordsResponse GOOD_RESPONSE = GetRecordsResponse.builder()
            .nextShardIterator("next")
            .records(Record.builder().eventID("1")
                    .dynamodb(StreamRecord.builder().keys(Map.of("id", AttributeValue.fromS("a"))).build())
                    .build())
            .build();

    private final MockWebServer server = LocalServer.start();
    private final ServedResponse served = new ServedResponse();
    private final DynamoDbStreamsClient client;

    HostileServer() {
        server.setDispatcher(served);
        client = WireClients.ours(server.url("/").uri());
    }

    DynamoDbStreamsClient client() {
        return client;
    }

    /** Serves {@code body} (a 200 with the JSON content type) to GetRecords; returns what the client threw. */
    SdkClientException getRecordsFailure(String body) {
        return getRecordsFailure(body.getBytes(StandardCharsets.UTF_8));
    }

    SdkClientException getRecordsFailure(byte[] body) {
        return failure(client -> client.getRecords(r -> r.shardIterator("it")), json(body));
    }

    /** Serves {@code response} to the call; returns what it threw, which must be an {@link SdkClientException}. */
    SdkClientException failure(Function<DynamoDbStreamsClient, Object> call, MockResponse response) {
        served.set(response);
        Object[] result = new Object[1];
        Throwable thrown = catchThrowable(() -> result[0] = call.apply(client));
        assertThat(thrown).as("the call must fail, but it returned %s", result[0])
                .isInstanceOf(SdkClientException.class);
        return (SdkClientException) thrown;
    }

    /** Serves {@code response} from now on. */
    void servedResponse(MockResponse response) {
        served.set(response);
    }

    /** What the call returns for {@code body}, which must not make it fail. */
    Object getRecordsResult(byte[] body) {
        served.set(json(body));
        return client.getRecords(r -> r.shardIterator("it"));
    }

    /** The same client reads a good response right after the hostile one. */
    void servesTheNextRequestNormally() {
        served.set(json(GOOD_BODY.getBytes(StandardCharsets.UTF_8)));
        assertThat(client.getRecords(r -> r.shardIterator("it"))).isEqualTo(GOOD_RESPONSE);
    }

    static MockResponse json(byte[] body) {
        return new MockResponse.Builder().code(200)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .body(new Buffer().write(body))
                .build();
    }

    /** A test resource under {@code wire/}, without the trailing newline the file has. */
    static String resource(String name) {
        try (InputStream in = HostileServer.class.getResourceAsStream("/wire/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource wire/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
