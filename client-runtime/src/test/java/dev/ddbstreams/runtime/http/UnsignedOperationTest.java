package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Operations without authentication ({@code authtype: none}) are sent unsigned and never ask for credentials. */
class UnsignedOperationTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final AtomicInteger credentialLookups = new AtomicInteger();
    /** Like a client with no credentials anywhere: every lookup fails. */
    private final AwsCredentialsProvider none = () -> {
        credentialLookups.incrementAndGet();
        throw new SdkClientException("Unable to load AWS credentials from any provider in the chain");
    };

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker() {
        invoker = new AwsJsonProtocolInvoker(RoutedCalls.settings().credentialsProvider(none)
                .endpointOverride(server.url("/").uri()).build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    @Test
    void isSentWithoutSignatureAndWithoutCredentials() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"IdentityId\":\"id-1\"}").build());

        var response = invoker().invoke(RoutedCalls.PLAIN.withoutSigning(), new RoutedCalls.LabelRequest("x"));

        assertThat(response).containsEntry("IdentityId", "id-1");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getHeaders().names()).doesNotContain("Authorization", "X-Amz-Date", "X-Amz-Content-Sha256",
                "X-Amz-Security-Token");
        assertThat(request.getHeaders().get("X-Amz-Target")).isEqualTo("DynamoDBStreams_20120810.GetThing");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(credentialLookups).hasValue(0);
    }

    @Test
    void asyncCallsAreUnsignedToo() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker().invokeAsync(RoutedCalls.PLAIN.withoutSigning(), new RoutedCalls.LabelRequest("x")).get();

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isNull();
        assertThat(credentialLookups).hasValue(0);
    }

    @Test
    void aSignedOperationWithoutCredentialsStillFailsClearly() {
        assertThatThrownBy(() -> invoker().invoke(RoutedCalls.PLAIN, new RoutedCalls.LabelRequest("x")))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to load AWS credentials");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void thePresignerRefusesAnUnsignedOperation() {
        AwsJsonPresigner presigner = new AwsJsonPresigner(RoutedCalls.settings().endpointOverride(server.url("/").uri()).build(),
                TestService.METADATA);

        assertThatThrownBy(() -> presigner.presign(RoutedCalls.PLAIN.withoutSigning(), new RoutedCalls.LabelRequest("x"),
                Duration.ofMinutes(5))).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GetThing");
    }
}
