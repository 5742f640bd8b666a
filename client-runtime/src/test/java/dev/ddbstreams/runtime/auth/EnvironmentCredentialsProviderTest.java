package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The environment and system property providers read their own source only, and say what is missing. */
class EnvironmentCredentialsProviderTest {

    private static TestEnvironment environment() {
        return TestEnvironment.home(Path.of("/nonexistent"));
    }

    @Test
    void readsTheEnvironment() {
        AwsCredentials credentials = EnvironmentCredentialsProvider.create(environment()
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV")
                .variable("AWS_SECRET_ACCESS_KEY", "envsecret")
                .variable("AWS_SESSION_TOKEN", "envtoken")
                .build()).resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKIDENV", "envsecret", "envtoken"));
    }

    @Test
    void blankSessionTokenMeansLongTermCredentials() {
        AwsCredentials credentials = EnvironmentCredentialsProvider.create(environment()
                .variable("AWS_ACCESS_KEY_ID", " AKIDENV ")
                .variable("AWS_SECRET_ACCESS_KEY", "envsecret")
                .variable("AWS_SESSION_TOKEN", "  ")
                .build()).resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKIDENV", "envsecret"));
    }

    @Test
    void environmentProviderIgnoresSystemProperties() {
        assertThatThrownBy(() -> EnvironmentCredentialsProvider.create(environment()
                .property("aws.accessKeyId", "AKIDPROP")
                .property("aws.secretAccessKey", "propsecret")
                .build()).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The environment variables AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set");
    }

    @Test
    void halfAKeyNamesWhatIsMissing() {
        assertThatThrownBy(() -> EnvironmentCredentialsProvider.create(environment()
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV")
                .build()).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The environment variable AWS_ACCESS_KEY_ID is set but AWS_SECRET_ACCESS_KEY is not");
    }

    @Test
    void systemPropertyProviderReadsTheProperties() {
        AwsCredentials credentials = SystemPropertyCredentialsProvider.create(environment()
                .property("aws.accessKeyId", "AKIDPROP")
                .property("aws.secretAccessKey", "propsecret")
                .property("aws.sessionToken", "proptoken")
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV")
                .variable("AWS_SECRET_ACCESS_KEY", "envsecret")
                .build()).resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKIDPROP", "propsecret", "proptoken"));
    }

    @Test
    void systemPropertyProviderIgnoresTheEnvironment() {
        assertThatThrownBy(() -> SystemPropertyCredentialsProvider.create(environment()
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV")
                .variable("AWS_SECRET_ACCESS_KEY", "envsecret")
                .build()).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The system properties aws.accessKeyId and aws.secretAccessKey are not set");
    }

    @Test
    void systemPropertyProviderNamesTheMissingHalf() {
        assertThatThrownBy(() -> SystemPropertyCredentialsProvider.create(environment()
                .property("aws.secretAccessKey", "propsecret")
                .build()).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The system property aws.secretAccessKey is set but aws.accessKeyId is not")
                .hasMessageNotContaining("propsecret");
    }
}
