package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.streams.model.GetRecordsResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Values of the right JSON type that are still wrong: invalid base64, integers out of range, timestamps no
 * {@link Instant} can hold, unions with no member or two. Each is a {@link MalformedResponseException} naming the
 * member, and the client goes on serving.
 */
class InvalidValueResponseTest {

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    private static String attribute(String attributeValueJson) {
        return "{\"Records\":[{\"dynamodb\":{\"Keys\":{\"k\":" + attributeValueJson + "}}}]}";
    }

    private static String streamRecordMember(String member, String json) {
        return "{\"Records\":[{\"dynamodb\":{\"" + member + "\":" + json + "}}]}";
    }

    /**
     * Not base64 by RFC 4648: characters outside the alphabet, a length no encoding has, padding inside the text,
     * and whitespace or control characters, which the alphabet of section 4 does not have either (a decoder that
     * skips them reads {@code "\u0000"} as empty binary where the AWS SDK for Java v2 reports an error).
     */
    @ParameterizedTest(name = "B = {0}")
    @CsvSource(delimiter = '|', value = {
        "\"!!!!\"", "\"a\"", "\"ab=c\"", "\"AAAA=\"", "\"é\"", "\"AA==AA==\"", "\"\\u0000\"", "\"AA AA\"",
        "\"AAAA\\nAAAA\""})
    void invalidBase64(String base64) {
        rejected(attribute("{\"B\":" + base64 + "}"), "AttributeValue.B");
        rejected(attribute("{\"BS\":[\"AAEC\"," + base64 + "]}"), "BinarySetAttributeValue element");
    }

    @ParameterizedTest(name = "SizeBytes = {0}")
    @CsvSource({
        "9223372036854775808", "-9223372036854775809", "99999999999999999999999999999999999999", "1e3", "1.0",
        "-0.0"})
    void integersOutOfTheLongRange(String number) {
        rejected(streamRecordMember("SizeBytes", number), "StreamRecord.SizeBytes");
    }

    @Test
    void anIntegerLongerThanJacksonReadsIsRejected() {
        // Past Jackson's 1,000-digit limit the parser itself refuses the number.
        SdkClientException failure = HOSTILE.getRecordsFailure(streamRecordMember("SizeBytes", "1".repeat(1_001)));
        assertThat(failure).isInstanceOf(MalformedResponseException.class);
        HOSTILE.servesTheNextRequestNormally();
    }

    @ParameterizedTest(name = "ApproximateCreationDateTime = {0}")
    @CsvSource({
        "1e400", "-1e30", "31556889864403200", "-31557014167219201", "\"1464806460\"", "\"NaN\"",
        "1E+2147483648", "1E-2147483649"})
    void timestampsNoInstantHolds(String timestamp) {
        rejected(streamRecordMember("ApproximateCreationDateTime", timestamp),
                "StreamRecord.ApproximateCreationDateTime");
    }

    /**
     * A tiny number written with a huge negative exponent, twelve bytes on the wire, must not make the client
     * compute a thirty-million-digit power of ten: a timestamp is read in microseconds, and this one must be too,
     * either as the epoch (the digits below a nanosecond dropped, as documented) or as malformed. The bound below
     * is only there to turn the hang into a failure, millions of times the time a correct reader takes.
     */
    @Test
    void aTimestampWithAHugeNegativeExponentIsReadAtOnce() {
        // One case only: while the reader has the bug, the thread the timeout abandons computes on for a minute.
        String timestamp = "1E-30000000";
        Object outcome = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
            try {
                return ((GetRecordsResponse) HOSTILE.getRecordsResult(
                        streamRecordMember("ApproximateCreationDateTime", timestamp).getBytes()))
                        .records().get(0).dynamodb().approximateCreationDateTime();
            } catch (MalformedResponseException e) {
                return e;
            }
        }, "reading the timestamp " + timestamp + " (see the class comment: a hang, not a slow machine)");
        assertThat(outcome).satisfiesAnyOf(
                o -> assertThat(o).isIn(Instant.EPOCH, Instant.EPOCH.minusNanos(1)),
                o -> assertThat(o).isInstanceOf(MalformedResponseException.class));
        HOSTILE.servesTheNextRequestNormally();
    }

    @ParameterizedTest(name = "AttributeValue = {0}")
    @CsvSource(delimiter = '|', value = {
        "{\"S\":\"a\",\"N\":\"1\"}|more than one member", "{\"NULL\":true,\"BOOL\":false}|more than one member",
        "{}|no member", "{\"S\":null}|no member", "{\"NULL\":\"true\"}|AttributeValue.NULL",
        "{\"SS\":[\"a\",1]}|StringSetAttributeValue element", "{\"N\":1}|AttributeValue.N"})
    void attributeValuesThatAreNotOne(String attributeValue, String problem) {
        rejected(attribute(attributeValue), problem);
    }

    private static void rejected(String body, String where) {
        SdkClientException failure = HOSTILE.getRecordsFailure(body);
        assertThat(failure).as(body).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to GetRecords")
                .hasMessageContaining(where);
        HOSTILE.servesTheNextRequestNormally();
    }
}
