package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.time.Instant;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Timestamps arrive as epoch seconds in whatever JSON number form the service's serializer chose; each form must
 * give the exact instant, with no rounding through a {@code double}.
 */
class TimestampWireFormTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = StreamsWire.client(server);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1432155070,              2015-05-20T20:51:10Z",
        "1.43215507E9,            2015-05-20T20:51:10Z",
        "1.43215507e+9,           2015-05-20T20:51:10Z",
        "1432155070.0,            2015-05-20T20:51:10Z",
        "1432155070.252,          2015-05-20T20:51:10.252Z",
        "1.432155070252E9,        2015-05-20T20:51:10.252Z",
        // As a double, this would come out as ...10.123456716Z.
        "1432155070.123456789,    2015-05-20T20:51:10.123456789Z",
        "0,                       1970-01-01T00:00:00Z",
    })
    void creationRequestDateTimeReadsExactly(String wire, String expected) {
        server.enqueue(ok("{\"StreamDescription\":{\"CreationRequestDateTime\":" + wire + "}}"));

        Instant read = client.describeStream(r -> r.streamArn("arn-1")).streamDescription()
                .creationRequestDateTime();

        assertThat(read).isEqualTo(Instant.parse(expected));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "1464831660,          2016-06-02T01:41:00Z",
        "1.46483166E9,        2016-06-02T01:41:00Z",
        "1464830470.5,        2016-06-02T01:21:10.500Z",
    })
    void approximateCreationDateTimeReadsExactly(String wire, String expected) {
        server.enqueue(ok("{\"Records\":[{\"dynamodb\":{\"ApproximateCreationDateTime\":" + wire + "}}]}"));

        Instant read = client.getRecords(r -> r.shardIterator("iterator-1")).records().get(0).dynamodb()
                .approximateCreationDateTime();

        assertThat(read).isEqualTo(Instant.parse(expected));
    }
}
