package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentCredentialsProviderTest {

    private static EnvironmentCredentialsProvider provider(Map<String, String> properties,
                                                           Map<String, String> environment) {
        return EnvironmentCredentialsProvider.create(properties::get, environment::get);
    }

    @Test
    void readsTheEnvironment() {
        AwsCredentials credentials = provider(Map.of(), Map.of(
                "AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envsecret", "AWS_SESSION_TOKEN", "envtoken"))
                .resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKIDENV", "envsecret", "envtoken"));
    }

    @Test
    void systemPropertiesWinOverTheEnvironment() {
        AwsCredentials credentials = provider(
                Map.of("aws.accessKeyId", "AKIDPROP", "aws.secretAccessKey", "propsecret"),
                Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envsecret"))
                .resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKIDPROP", "propsecret"));
    }

    @Test
    void incompleteSourcesAreSkipped() {
        AwsCredentials credentials = provider(
                Map.of("aws.accessKeyId", "AKIDPROP"),
                Map.of("AWS_ACCESS_KEY_ID", "AKIDENV", "AWS_SECRET_ACCESS_KEY", "envsecret"))
                .resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKIDENV");
    }

    @Test
    void nothingConfiguredIsAClearError() {
        assertThatThrownBy(() -> provider(Map.of(), Map.of()).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID")
                .hasMessageContaining("credentialsProvider");
    }
}
