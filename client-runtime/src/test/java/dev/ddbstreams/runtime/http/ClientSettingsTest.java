package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.EnvironmentCredentialsProvider;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSettingsTest {

    @Test
    void missingRegionWithoutEndpointOverrideIsAClearError() {
        assertThatThrownBy(() -> ClientSettings.builder().build())
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessageContaining("No region configured")
                .hasMessageContaining("region(");
    }

    @Test
    void endpointOverrideAloneIsEnough() {
        ClientSettings settings = ClientSettings.builder()
                .endpointOverride(URI.create("http://localhost:8000"))
                .build();

        assertThat(settings.region()).isEmpty();
        assertThat(ResolvedEndpoint.resolve(settings, TestService.METADATA).signingRegion()).isEqualTo("us-east-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us east 1", "evil.com/", "us-east-1.", ""})
    void invalidRegionIsRejected(String region) {
        assertThatThrownBy(() -> ClientSettings.builder().region(region).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8000", "ftp://example.com", "/relative", "http://user:pw@example.com",
            "http://example.com/?a=b", "http://example.com/#frag"})
    void invalidEndpointOverrideIsRejected(String endpoint) {
        assertThatThrownBy(() -> ClientSettings.builder().endpointOverride(URI.create(endpoint)).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("endpointOverride")
                .hasMessageNotContaining("pw");
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertThatThrownBy(() -> ClientSettings.builder().region("us-east-1").readTimeout(Duration.ofSeconds(-1))
                .build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("readTimeout");
    }

    @Test
    void userAgentSuffixMustBePrintableAscii() {
        assertThatThrownBy(() -> ClientSettings.builder().region("us-east-1").userAgentSuffix("app\r\nX-Evil: 1")
                .build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("userAgentSuffix");
    }

    @Test
    void defaultsApplyWhenUnset() {
        ClientSettings settings = ClientSettings.builder().region("eu-west-1").build();

        assertThat(settings.credentialsProvider()).isInstanceOf(EnvironmentCredentialsProvider.class);
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
        assertThat(settings.httpClient()).isEmpty();
        assertThat(settings.connectTimeout()).isEmpty();
        assertThat(settings.userAgentSuffix()).isEmpty();
    }

    @Test
    void toBuilderKeepsEverySetting() {
        OkHttpClient shared = new OkHttpClient();
        ClientSettings settings = ClientSettings.builder()
                .region("eu-west-1")
                .endpointOverride(URI.create("https://example.com"))
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .httpClient(shared)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .userAgentSuffix("app/1")
                .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .build();

        ClientSettings copy = settings.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(settings.toString());
        assertThat(copy.httpClient()).containsSame(shared);
        assertThat(copy.credentialsProvider()).isSameAs(settings.credentialsProvider());
    }

    @Test
    void toStringShowsNoSecret() {
        ClientSettings settings = ClientSettings.builder()
                .region("eu-west-1")
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "TOPSECRET", "TOKENVALUE"))
                .build();

        assertThat(settings.toString())
                .contains("AKIDEXAMPLE")
                .doesNotContain("TOPSECRET")
                .doesNotContain("TOKENVALUE");
    }
}
