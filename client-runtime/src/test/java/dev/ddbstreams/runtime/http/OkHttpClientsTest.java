package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.URI;
import java.time.Duration;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import okhttp3.ConnectionSpec;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/** Which HTTP client a client sends with, and what closing it releases. */
class OkHttpClientsTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private static ClientSettings.Builder settings() {
        return ClientSettings.builder().region("us-east-1").systemEnvironment(TestEnvironment.empty());
    }

    /** The client the invoker would create for {@code settings}, for the endpoint they resolve to. */
    private static OkHttpClient create(ClientSettings settings) {
        return OkHttpClients.create(settings, ResolvedEndpoint.resolve(settings, TestService.METADATA).url());
    }

    @Test
    void ownClientHasTheDefaultTimeouts() {
        OkHttpClient client = create(settings().build());

        assertThat(client.connectTimeoutMillis()).isEqualTo(2_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(client.callTimeoutMillis()).isZero();
        assertThat(client.followRedirects()).isFalse();
        OkHttpClients.release(client);
    }

    @Test
    void configuredTimeoutsApply() {
        OkHttpClient client = create(settings()
                .connectTimeout(Duration.ofMillis(500))
                .readTimeout(Duration.ofSeconds(5))
                .callTimeout(Duration.ofSeconds(9))
                .build());

        assertThat(client.connectTimeoutMillis()).isEqualTo(500);
        assertThat(client.readTimeoutMillis()).isEqualTo(5_000);
        // The call timeout bounds all attempts together: the invoker sets what is left of it on each call.
        assertThat(client.callTimeoutMillis()).isZero();
        OkHttpClients.release(client);
    }

    @Test
    void sharedClientKeepsItsPoolDispatcherAndUnsetTimeouts() {
        OkHttpClient shared = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(7)).build();

        OkHttpClient client = create(settings().httpClient(shared)
                .readTimeout(Duration.ofSeconds(4)).build());

        assertThat(client).isNotSameAs(shared);
        assertThat(client.connectionPool()).isSameAs(shared.connectionPool());
        assertThat(client.dispatcher()).isSameAs(shared.dispatcher());
        assertThat(client.connectTimeoutMillis()).isEqualTo(7_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(4_000);
        assertThat(shared.readTimeoutMillis()).isEqualTo(10_000);
        assertThat(OkHttpClients.ownsHttpClient(settings().httpClient(shared).build())).isFalse();
        assertThat(OkHttpClients.ownsHttpClient(settings().build())).isTrue();
    }

    @Test
    void ownClientForAnHttpEndpointIsCleartextOnlyAndNeverInitialisesTls() {
        OkHttpClient client = create(settings().endpointOverride(URI.create("http://localhost:8000")).build());

        assertThat(client.connectionSpecs()).containsExactly(ConnectionSpec.CLEARTEXT);
        // OkHttp builds a trust manager and socket factory only for a client with a TLS connection spec.
        assertThat(client.x509TrustManager()).isNull();
        assertThatThrownBy(client::sslSocketFactory).isInstanceOf(IllegalStateException.class);
        assertThat(client.connectTimeoutMillis()).isEqualTo(2_000);
        assertThat(client.readTimeoutMillis()).isEqualTo(30_000);
        assertThat(client.followRedirects()).isFalse();
        assertThat(client.followSslRedirects()).isFalse();
        OkHttpClients.release(client);
    }

    @Test
    void ownClientForAnHttpsEndpointKeepsTls() {
        OkHttpClient regional = create(settings().build());
        OkHttpClient overridden = create(settings().endpointOverride(URI.create("https://localhost:8443")).build());

        for (OkHttpClient client : new OkHttpClient[] {regional, overridden}) {
            assertThat(client.connectionSpecs()).isEqualTo(new OkHttpClient().connectionSpecs());
            assertThat(client.x509TrustManager()).isNotNull();
            assertThat(client.sslSocketFactory()).isNotNull();
            OkHttpClients.release(client);
        }
    }

    @Test
    void sharedClientKeepsItsTlsForAnHttpEndpoint() {
        OkHttpClient shared = new OkHttpClient();

        OkHttpClient client = create(settings().httpClient(shared)
                .endpointOverride(URI.create("http://localhost:8000")).build());

        assertThat(client.connectionSpecs()).isEqualTo(shared.connectionSpecs());
        assertThat(client.sslSocketFactory()).isSameAs(shared.sslSocketFactory());
    }

    @Test
    void cleartextClientCallsAnHttpEndpoint() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"StreamArn\":\"x\"}").build());
        try (AwsJsonProtocolInvoker invoker = new AwsJsonProtocolInvoker(settings()
                .endpointOverride(URI.create(server.url("/").toString()))
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .build(), TestService.METADATA, TestService.ERROR_MAPPER)) {

            assertThat(invoker.invoke("DescribeStream", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS))
                    .containsEntry("StreamArn", "x");
        }
        assertThat(server.takeRequest().getHandshake()).isNull();
    }

    @Test
    void releaseShutsDownTheDispatcherThreads() {
        OkHttpClient client = create(settings().build());

        OkHttpClients.release(client);

        assertThat(client.dispatcher().executorService().isShutdown()).isTrue();
    }

    @Test
    void closingAnInvokerLeavesASharedClientUsable() throws Exception {
        OkHttpClient shared = new OkHttpClient();
        server.enqueue(new MockResponse.Builder().code(200).body("ok").build());
        AwsJsonProtocolInvoker invoker = new AwsJsonProtocolInvoker(settings()
                .endpointOverride(URI.create(server.url("/").toString()))
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .httpClient(shared)
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);

        invoker.close();

        assertThat(shared.dispatcher().executorService().isShutdown()).isFalse();
        try (Response response = shared.newCall(new Request.Builder().url(server.url("/")).build()).execute()) {
            assertThat(response.body().string()).isEqualTo("ok");
        }
    }

    @Test
    void closedInvokerRefusesCalls() {
        AwsJsonProtocolInvoker invoker = new AwsJsonProtocolInvoker(settings()
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret")).build(),
                TestService.METADATA, TestService.ERROR_MAPPER);
        invoker.close();
        invoker.close();

        assertThatThrownBy(() -> invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT,
                        TestJson.STRING_MEMBERS))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("closed");
        assertThat(server.getRequestCount()).isZero();
    }
}
