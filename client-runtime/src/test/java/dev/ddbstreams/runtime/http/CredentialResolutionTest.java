package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;

/** A credentials provider that fails stops the call before anything is sent. */
class CredentialResolutionTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private void callWith(AwsCredentialsProvider provider) {
        try (AwsJsonProtocolInvoker invoker = new AwsJsonProtocolInvoker(ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(provider)
                .systemEnvironment(TestEnvironment.empty())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER)) {
            invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);
        }
    }

    @Test
    void providerFailureBecomesAClientException() {
        assertThatThrownBy(() -> callWith(() -> {
            throw new IllegalStateException("metadata service unreachable");
        }))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to load credentials")
                .hasCauseInstanceOf(IllegalStateException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void providerReturningNothingIsAClientException() {
        assertThatThrownBy(() -> callWith(() -> null))
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("returned no credentials");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void sdkExceptionsFromTheProviderPassThrough() {
        SdkClientException failure = new SdkClientException("no credentials here");

        assertThatThrownBy(() -> callWith(() -> {
            throw failure;
        })).isSameAs(failure);
    }
}
