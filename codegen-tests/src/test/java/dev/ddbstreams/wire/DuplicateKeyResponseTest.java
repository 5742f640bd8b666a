package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A response that names the same member twice in one object is ambiguous: JSON (RFC 8259) leaves the meaning of
 * duplicate names to the reader, and readers disagree (first wins, last wins, error). A client that silently picks
 * one could act on a value another reader of the same bytes never saw, so each is a clear
 * {@link MalformedResponseException}, and the client goes on serving.
 */
class DuplicateKeyResponseTest {

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // The response's own member.
        "{\"NextShardIterator\":\"a\",\"NextShardIterator\":\"b\"}",
        // A list given twice.
        "{\"Records\":[],\"Records\":[{\"eventID\":\"1\"}]}",
        // A member of a record.
        "{\"Records\":[{\"eventName\":\"INSERT\",\"eventName\":\"REMOVE\"}]}",
        // A member of the stream record.
        "{\"Records\":[{\"dynamodb\":{\"SizeBytes\":1,\"SizeBytes\":2}}]}",
        // A key of an item: which value does the item hold?
        "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"a\"},\"id\":{\"S\":\"b\"}}}}]}",
        // A key of a nested map.
        "{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"m\":{\"M\":{\"x\":{\"N\":\"1\"},\"x\":{\"N\":\"2\"}}}}}}]}",
        // The same union member twice.
        "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"id\":{\"S\":\"a\",\"S\":\"b\"}}}}]}",
        // A member this client does not know, twice: still an ambiguous document.
        "{\"Unknown\":1,\"Unknown\":2}",
        // Inside a member this client skips, at any depth.
        "{\"Records\":[{\"Unknown\":{\"a\":1,\"a\":2}}]}",
        "{\"Unknown\":{\"x\":[{\"y\":1,\"y\":2}]}}",
        // Inside a union member this client keeps as raw JSON to send back.
        "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"id\":{\"XX\":{\"a\":1,\"a\":2}}}}}]}"})
    void aMemberNamedTwiceIsRejected(String body) {
        SdkClientException failure = HOSTILE.getRecordsFailure(body);

        assertThat(failure).as(body).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to GetRecords");
        HOSTILE.servesTheNextRequestNormally();
    }
}
