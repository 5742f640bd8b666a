package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.DefaultCredentialsProvider;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClientSettingsTest {

    @TempDir
    Path home;

    /** A builder that sees no real environment: only {@code home}, with no files in it unless a test writes some. */
    private ClientSettings.Builder isolated(TestEnvironment environment) {
        return ClientSettings.builder().systemEnvironment(environment.build());
    }

    private ClientSettings.Builder isolated() {
        return isolated(TestEnvironment.home(home));
    }

    private void config(String content) throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), content);
    }

    @Test
    void missingRegionIsAClearErrorListingWhereItLooked() {
        assertThatThrownBy(() -> isolated().build())
                .isExactlyInstanceOf(SdkClientException.class)
                .hasMessage("No region configured. Looked for it in: the client builder (region(...)), the system "
                        + "property aws.region, the environment variable AWS_REGION, and the region of the profile "
                        + "\"default\" in " + home.resolve(".aws/config") + " (not found) and "
                        + home.resolve(".aws/credentials") + " (not found). Set one of them, for example "
                        + "region(\"us-east-1\") on the client builder or AWS_REGION=us-east-1, or set an "
                        + "endpointOverride");
    }

    @Test
    void regionComesFromAwsRegion() {
        assertThat(isolated(TestEnvironment.home(home).variable("AWS_REGION", "ap-southeast-2")).build().region())
                .contains("ap-southeast-2");
    }

    @Test
    void systemPropertyWinsOverAwsRegion() {
        assertThat(isolated(TestEnvironment.home(home).variable("AWS_REGION", "ap-southeast-2")
                .property("aws.region", "eu-north-1")).build().region()).contains("eu-north-1");
    }

    @Test
    void regionComesFromTheProfile() throws IOException {
        config("[default]\nregion = eu-west-3\n[profile dev]\nregion = us-west-2\n");

        assertThat(isolated().build().region()).contains("eu-west-3");
        assertThat(isolated(TestEnvironment.home(home).variable("AWS_PROFILE", "dev")).build().region())
                .contains("us-west-2");
        assertThat(isolated().profileName("dev").build().region()).contains("us-west-2");
    }

    @Test
    void builderRegionWinsOverEverything() throws IOException {
        config("[default]\nregion = eu-west-3\n");

        assertThat(isolated(TestEnvironment.home(home).variable("AWS_REGION", "ap-southeast-2"))
                .region("ca-central-1").build().region()).contains("ca-central-1");
    }

    @Test
    void invalidRegionFromTheEnvironmentNamesItsSource() {
        assertThatThrownBy(() -> isolated(TestEnvironment.home(home).variable("AWS_REGION", "US-EAST-1")).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Invalid region \"US-EAST-1\" from the environment variable AWS_REGION");
    }

    @Test
    void endpointOverrideAloneIsEnough() {
        ClientSettings settings = isolated().endpointOverride(URI.create("http://localhost:8000")).build();

        assertThat(settings.region()).isEmpty();
        assertThat(ResolvedEndpoint.resolve(settings, TestService.METADATA).signingRegion()).isEqualTo("us-east-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"US-EAST-1", "us east 1", "evil.com/", "us-east-1.", ""})
    void invalidRegionIsRejected(String region) {
        assertThatThrownBy(() -> isolated().region(region).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("region");
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost:8000", "ftp://example.com", "/relative", "http://user:pw@example.com",
            "http://example.com/?a=b", "http://example.com/#frag"})
    void invalidEndpointOverrideIsRejected(String endpoint) {
        assertThatThrownBy(() -> isolated().endpointOverride(URI.create(endpoint)).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("endpointOverride")
                .hasMessageNotContaining("pw");
    }

    @Test
    void fipsAndDualStackComeFromTheEnvironmentOrTheProfile() throws IOException {
        config("[default]\nuse_dualstack_endpoint = true\n");

        ClientSettings settings = isolated(TestEnvironment.home(home).variable("AWS_USE_FIPS_ENDPOINT", "true"))
                .region("us-east-1").build();

        assertThat(settings.fipsEnabled()).isTrue();
        assertThat(settings.dualStackEnabled()).isTrue();
        assertThat(isolated().region("us-east-1").dualStackEnabled(false).build().dualStackEnabled()).isFalse();
    }

    @Test
    void invalidFlagIsAClearError() {
        assertThatThrownBy(() -> isolated(TestEnvironment.home(home).property("aws.useDualstackEndpoint", "yes"))
                .region("us-east-1").build())
                .hasMessage("The system property aws.useDualstackEndpoint must be true or false: yes");
    }

    @Test
    void maxAttemptsComeFromTheEnvironmentOrTheProfile() throws IOException {
        assertThat(isolated(TestEnvironment.home(home).variable("AWS_MAX_ATTEMPTS", "5")).region("us-east-1")
                .build().retryPolicy().maxAttempts()).isEqualTo(5);
        config("[default]\nmax_attempts = 1\n");
        assertThat(isolated().region("us-east-1").build().retryPolicy().maxAttempts()).isEqualTo(1);
        assertThatThrownBy(() -> isolated(TestEnvironment.home(home).variable("AWS_MAX_ATTEMPTS", "0"))
                .region("us-east-1").build())
                .hasMessageContaining("aws.maxAttempts or AWS_MAX_ATTEMPTS must be at least 1");
    }

    @Test
    void malformedConfigFileIsReportedWithItsLine() throws IOException {
        config("[default]\nregion\n");

        assertThatThrownBy(() -> isolated().build())
                .hasMessageContaining(home.resolve(".aws/config") + ", line 2");
    }

    @Test
    void negativeTimeoutIsRejected() {
        assertThatThrownBy(() -> isolated().region("us-east-1").readTimeout(Duration.ofSeconds(-1)).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("readTimeout");
    }

    @Test
    void userAgentSuffixMustBePrintableAscii() {
        assertThatThrownBy(() -> isolated().region("us-east-1").userAgentSuffix("app\r\nX-Evil: 1").build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("userAgentSuffix");
    }

    @Test
    void defaultsApplyWhenUnset() {
        ClientSettings settings = isolated().region("eu-west-1").build();

        assertThat(settings.credentialsProvider()).isInstanceOf(DefaultCredentialsProvider.class);
        assertThat(settings.retryPolicy()).isSameAs(RetryPolicy.standard());
        assertThat(settings.fipsEnabled()).isFalse();
        assertThat(settings.dualStackEnabled()).isFalse();
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
        assertThat(settings.httpClient()).isEmpty();
        assertThat(settings.connectTimeout()).isEmpty();
        assertThat(settings.callTimeout()).isEmpty();
        assertThat(ClientSettings.DEFAULT_CALL_TIMEOUT).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.userAgentSuffix()).isEmpty();
    }

    @Test
    void defaultChainReadsTheSettingsEnvironment() {
        ClientSettings settings = isolated(TestEnvironment.home(home)
                .variable("AWS_ACCESS_KEY_ID", "AKIDFROMGIVENENV").variable("AWS_SECRET_ACCESS_KEY", "s"))
                .region("eu-west-1").build();

        assertThat(settings.credentialsProvider().resolveCredentials().accessKeyId()).isEqualTo("AKIDFROMGIVENENV");
    }

    @Test
    void toBuilderKeepsEverySetting() {
        OkHttpClient shared = new OkHttpClient();
        ClientSettings settings = isolated()
                .region("eu-west-1")
                .endpointOverride(URI.create("https://example.com"))
                .credentialsProvider(StaticCredentialsProvider.create("AKID", "secret"))
                .retryPolicy(RetryPolicy.none())
                .httpClient(shared)
                .connectTimeout(Duration.ofSeconds(1))
                .readTimeout(Duration.ofSeconds(2))
                .callTimeout(Duration.ofSeconds(3))
                .userAgentSuffix("app/1")
                .clock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC))
                .profileName("dev")
                .build();

        ClientSettings copy = settings.toBuilder().build();

        assertThat(copy.toString()).isEqualTo(settings.toString());
        assertThat(copy.httpClient()).containsSame(shared);
        assertThat(copy.credentialsProvider()).isSameAs(settings.credentialsProvider());
        assertThat(copy.retryPolicy()).isSameAs(RetryPolicy.none());
        assertThat(copy.systemEnvironment()).isSameAs(settings.systemEnvironment());
    }

    @Test
    void toStringShowsNoSecret() {
        ClientSettings settings = isolated(TestEnvironment.home(home).variable("AWS_SECRET_ACCESS_KEY", "ENVSECRET"))
                .region("eu-west-1")
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "TOPSECRET", "TOKENVALUE"))
                .build();

        assertThat(settings.toString())
                .contains("AKIDEXAMPLE")
                .doesNotContain("TOPSECRET")
                .doesNotContain("TOKENVALUE")
                .doesNotContain("ENVSECRET");
    }
}
