package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body is one JSON value. Anything after it (a second object, a stray bracket, text) makes the body invalid
 * JSON, and reading only the first value would hide a corrupted or spliced response: a
 * {@link MalformedResponseException}, and the client goes on serving. Whitespace after the value is JSON.
 */
class TrailingContentResponseTest {

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"NextShardIterator\":\"a\"}{\"NextShardIterator\":\"b\"}", "{\"NextShardIterator\":\"a\"}]",
        "{\"NextShardIterator\":\"a\"} garbage", "{}\"\"", "{}0", "{}}"})
    void contentAfterTheValueIsRejected(String body) {
        SdkClientException failure = HOSTILE.getRecordsFailure(body);

        assertThat(failure).as(body).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to GetRecords");
        HOSTILE.servesTheNextRequestNormally();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"NextShardIterator\":\"a\"}\n", "{\"NextShardIterator\":\"a\"} \r\n\t "})
    void whitespaceAfterTheValueIsJson(String body) {
        assertThat(HOSTILE.getRecordsResult(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .extracting("nextShardIterator").isEqualTo("a");
    }
}
