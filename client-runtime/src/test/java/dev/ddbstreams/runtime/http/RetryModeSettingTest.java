package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.config.SystemEnvironment;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.retry.RetryMode;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** aws.retryMode, AWS_RETRY_MODE and the profile's retry_mode choose the mode when the builder sets no policy. */
class RetryModeSettingTest {

    private static RetryPolicy policyFrom(Map<String, String> variables, Map<String, String> properties) {
        return ClientSettings.builder()
                .endpointOverride(URI.create("http://localhost:1"))
                .systemEnvironment(SystemEnvironment.of(withHome(variables), properties))
                .build()
                .retryPolicy();
    }

    /** No shared files: the home folder does not exist. */
    private static Map<String, String> withHome(Map<String, String> variables) {
        Map<String, String> all = new java.util.HashMap<>(variables);
        all.put("HOME", "/nonexistent/ddbstreams-test-home");
        return all;
    }

    @Test
    void theEnvironmentVariableChoosesAdaptiveInAnyCase() {
        assertThat(policyFrom(Map.of("AWS_RETRY_MODE", "ADAPTIVE"), Map.of()).mode()).isEqualTo(RetryMode.ADAPTIVE);
        assertThat(policyFrom(Map.of(), Map.of("aws.retryMode", "adaptive_v2")).mode()).isEqualTo(RetryMode.ADAPTIVE);
    }

    @Test
    void theSystemPropertyWinsOverTheVariableAndMaxAttemptsStillApplies() {
        RetryPolicy policy = policyFrom(Map.of("AWS_RETRY_MODE", "adaptive", "AWS_MAX_ATTEMPTS", "5"),
                Map.of("aws.retryMode", "standard"));
        assertThat(policy.mode()).isEqualTo(RetryMode.STANDARD);
        assertThat(policy.maxAttempts()).isEqualTo(5);
    }

    @Test
    void legacyIsAcceptedAsStandardAndNothingSetMeansStandard() {
        assertThat(policyFrom(Map.of("AWS_RETRY_MODE", "legacy"), Map.of()).mode()).isEqualTo(RetryMode.STANDARD);
        assertThat(policyFrom(Map.of(), Map.of())).isSameAs(RetryPolicy.standard());
    }

    @Test
    void anUnknownModeFailsTheBuildNamingWhereItCameFrom() {
        assertThatThrownBy(() -> policyFrom(Map.of("AWS_RETRY_MODE", "turbo"), Map.of()))
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AWS_RETRY_MODE")
                .hasMessageContaining("turbo");
    }

    @Test
    void aPolicySetOnTheBuilderIgnoresTheEnvironmentsMode() {
        assertThat(ClientSettings.builder()
                .endpointOverride(URI.create("http://localhost:1"))
                .systemEnvironment(SystemEnvironment.of(withHome(Map.of("AWS_RETRY_MODE", "adaptive")), Map.of()))
                .retryPolicy(RetryPolicy.none())
                .build().retryPolicy()).isSameAs(RetryPolicy.none());
    }
}
