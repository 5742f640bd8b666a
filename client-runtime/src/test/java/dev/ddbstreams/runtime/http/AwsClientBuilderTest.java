package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/** A builder as the generator writes one: every setter reaches the settings, and build validates them. */
class AwsClientBuilderTest {

    /** Stands in for a generated client builder; its "client" is simply the settings it was given. */
    private static final class TestClientBuilder extends AwsClientBuilder<TestClientBuilder, ClientSettings> {
        @Override
        public ClientSettings build() {
            return settings();
        }
    }

    @Test
    void settersChainAndReachTheSettings() {
        OkHttpClient shared = new OkHttpClient();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create("AKID", "secret");
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);

        RetryPolicy retries = RetryPolicy.builder().maxAttempts(5).build();
        SystemEnvironment environment = TestEnvironment.empty();

        ClientSettings settings = new TestClientBuilder()
                .systemEnvironment(environment)
                .region("eu-central-1")
                .fipsEnabled(true)
                .dualStackEnabled(true)
                .endpointOverride(URI.create("http://localhost:8000"))
                .credentialsProvider(credentials)
                .retryPolicy(retries)
                .profileName("dev")
                .httpClient(shared)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .userAgentSuffix("app/1")
                .clock(clock)
                .build();

        assertThat(settings.region()).contains("eu-central-1");
        assertThat(settings.fipsEnabled()).isTrue();
        assertThat(settings.dualStackEnabled()).isTrue();
        assertThat(settings.retryPolicy()).isSameAs(retries);
        assertThat(settings.profileName()).contains("dev");
        assertThat(settings.systemEnvironment()).isSameAs(environment);
        assertThat(settings.endpointOverride()).contains(URI.create("http://localhost:8000"));
        assertThat(settings.credentialsProvider()).isSameAs(credentials);
        assertThat(settings.httpClient()).containsSame(shared);
        assertThat(settings.connectTimeout()).contains(Duration.ofSeconds(1));
        assertThat(settings.readTimeout()).contains(Duration.ofSeconds(2));
        assertThat(settings.callTimeout()).contains(Duration.ofSeconds(3));
        assertThat(settings.userAgentSuffix()).contains("app/1");
        assertThat(settings.clock()).isSameAs(clock);
    }

    @Test
    void buildWithoutRegionFails() {
        assertThatThrownBy(() -> new TestClientBuilder().systemEnvironment(TestEnvironment.empty()).build())
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("No region configured");
    }
}
