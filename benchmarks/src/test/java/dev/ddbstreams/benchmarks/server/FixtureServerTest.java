package dev.ddbstreams.benchmarks.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.benchmarks.clients.ClientKind;
import dev.ddbstreams.benchmarks.clients.FixtureCall;
import dev.ddbstreams.benchmarks.fixtures.Fixture;
import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every client the benchmarks compare can call every fixture on the server and reads the whole of it: CRC32
 * accepted, endpoint path routed. Functional only; nothing here is timed.
 */
class FixtureServerTest {

    private static FixtureServer server;
    private static List<Fixture> fixtures;

    @BeforeAll
    static void start() throws IOException {
        fixtures = Fixtures.all();
        server = FixtureServer.start(fixtures);
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @ParameterizedTest
    @EnumSource(ClientKind.class)
    void everyClientReadsEveryFixture(ClientKind kind) {
        for (Fixture fixture : fixtures) {
            try (FixtureCall call = kind.open(server.baseUri(), fixture)) {
                // Twice: the second call goes over the kept-alive connection.
                assertThat(call.items(call.call())).as(fixture.name()).isEqualTo(fixture.items());
                assertThat(call.items(call.call())).as(fixture.name()).isEqualTo(fixture.items());
            }
        }
    }

    @Test
    void aFixtureAskedForByTheWrongOperationIsAnError() {
        Fixture records = Fixtures.byName(Fixtures.RECORDS_10);
        Fixture misnamed = new Fixture(Fixtures.DESCRIBE_STREAM, records.operation(), records.items(), records.body());
        try (FixtureCall call = ClientKind.OURS.open(server.baseUri(), misnamed)) {
            assertThatThrownBy(call::call).hasMessageContaining("ValidationException");
        }
    }
}
