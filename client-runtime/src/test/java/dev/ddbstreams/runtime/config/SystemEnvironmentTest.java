package dev.ddbstreams.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemEnvironmentTest {

    @Test
    void valuesAreTrimmedAndBlankMeansUnset() {
        SystemEnvironment environment = SystemEnvironment.of(Map.of("A", "  x ", "B", "   "), Map.of("p", "\ty"));

        assertThat(environment.environmentVariable("A")).contains("x");
        assertThat(environment.environmentVariable("B")).isEmpty();
        assertThat(environment.environmentVariable("C")).isEmpty();
        assertThat(environment.systemProperty("p")).contains("y");
    }

    @Test
    void systemPropertyWinsOverEnvironmentVariable() {
        SystemEnvironment environment = SystemEnvironment.of(Map.of("AWS_REGION", "env"), Map.of("aws.region", "prop"));

        assertThat(environment.setting("aws.region", "AWS_REGION")).contains("prop");
        assertThat(SystemEnvironment.of(Map.of("AWS_REGION", "env"), Map.of()).setting("aws.region", "AWS_REGION"))
                .contains("env");
    }

    @Test
    void givenMapsAreAllThereIs() {
        SystemEnvironment environment = SystemEnvironment.of(Map.of(), Map.of());

        assertThat(environment.environmentVariable("PATH")).isEmpty();
        assertThat(environment.systemProperty("java.version")).isEmpty();
    }

    @Test
    void homeIsHomeThenUserProfileThenUserHome() {
        assertThat(SystemEnvironment.of(Map.of("HOME", "/h", "USERPROFILE", "/u"), Map.of("user.home", "/p"))
                .homeDirectory()).isEqualTo(Path.of("/h"));
        assertThat(SystemEnvironment.of(Map.of("USERPROFILE", "/u"), Map.of("user.home", "/p"))
                .homeDirectory()).isEqualTo(Path.of("/u"));
        assertThat(SystemEnvironment.of(Map.of(), Map.of("user.home", "/p")).homeDirectory())
                .isEqualTo(Path.of("/p"));
        assertThatThrownBy(() -> SystemEnvironment.of(Map.of(), Map.of()).homeDirectory())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("HOME");
    }

    @Test
    void tildeExpandsToHome() {
        SystemEnvironment environment = SystemEnvironment.of(Map.of("HOME", "/h"), Map.of());

        assertThat(environment.expandHome("~/.aws/config", "x")).isEqualTo(Path.of("/h/.aws/config"));
        assertThat(environment.expandHome("~", "x")).isEqualTo(Path.of("/h"));
        assertThat(environment.expandHome("/abs/~/f", "x")).isEqualTo(Path.of("/abs/~/f"));
    }

    @Test
    void typedSettingsRejectOtherValuesNamingTheSource() {
        SystemEnvironment environment = SystemEnvironment.of(
                Map.of("AWS_USE_FIPS_ENDPOINT", "yes", "AWS_MAX_ATTEMPTS", "three", "OK", "False"), Map.of());

        assertThat(environment.booleanSetting("none", "OK")).contains(false);
        assertThatThrownBy(() -> environment.booleanSetting("aws.useFipsEndpoint", "AWS_USE_FIPS_ENDPOINT"))
                .hasMessage("The environment variable AWS_USE_FIPS_ENDPOINT must be true or false: yes");
        assertThatThrownBy(() -> environment.intSetting("aws.maxAttempts", "AWS_MAX_ATTEMPTS"))
                .hasMessage("The environment variable AWS_MAX_ATTEMPTS must be a whole number: three");
    }

    @Test
    void toStringNeverShowsValues() {
        assertThat(SystemEnvironment.of(Map.of("AWS_SECRET_ACCESS_KEY", "TOPSECRET"), Map.of()).toString())
                .doesNotContain("TOPSECRET")
                .contains("1 variables");
        assertThat(SystemEnvironment.system().toString()).contains("JVM");
    }
}
