package dev.ddbstreams.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every case of the project's endpoint table resolves to its URL or fails with its error. */
class EndpointTableTest {

    private static final AwsEndpointProvider STREAMS = AwsEndpointProvider.forEndpointPrefix("streams.dynamodb");

    static List<EndpointCase> cases() throws IOException {
        try (InputStream in = EndpointTableTest.class.getResourceAsStream("/endpoint-tests.json")) {
            return EndpointCase.ourTable(in);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void resolvesAsExpected(EndpointCase c) {
        if (c.url() != null) {
            assertThat(STREAMS.resolveEndpoint(c.toParams())).hasToString(c.url());
        } else {
            assertThatThrownBy(() -> STREAMS.resolveEndpoint(c.toParams()))
                    .isExactlyInstanceOf(SdkClientException.class)
                    .hasMessage(c.error());
        }
    }
}
