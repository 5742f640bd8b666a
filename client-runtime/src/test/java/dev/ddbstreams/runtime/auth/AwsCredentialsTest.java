package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AwsCredentialsTest {

    @Test
    void toStringRedactsSecretAndToken() {
        AwsCredentials credentials = AwsCredentials.create("AKIDEXAMPLE", "SECRETVALUE", "TOKENVALUE");

        assertThat(credentials.toString())
                .contains("AKIDEXAMPLE")
                .doesNotContain("SECRETVALUE")
                .doesNotContain("TOKENVALUE")
                .contains("redacted");
        assertThat(StaticCredentialsProvider.create(credentials).toString())
                .doesNotContain("SECRETVALUE")
                .doesNotContain("TOKENVALUE");
    }

    @Test
    void sessionTokenIsOptional() {
        assertThat(AwsCredentials.create("AKID", "secret").sessionToken()).isEmpty();
        assertThat(AwsCredentials.create("AKID", "secret", "token").sessionToken()).contains("token");
    }

    @Test
    void blankPartsAreRejected() {
        assertThatThrownBy(() -> AwsCredentials.create(" ", "secret")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("accessKeyId");
        assertThatThrownBy(() -> AwsCredentials.create("AKID", "")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("secretAccessKey");
        assertThatThrownBy(() -> AwsCredentials.create("AKID", "secret", null)).isInstanceOf(
                NullPointerException.class);
    }

    @Test
    void equalityIsByValue() {
        assertThat(AwsCredentials.create("AKID", "secret")).isEqualTo(AwsCredentials.create("AKID", "secret"))
                .isNotEqualTo(AwsCredentials.create("AKID", "secret", "token"));
    }

    @Test
    void staticProviderAlwaysReturnsItsCredentials() {
        StaticCredentialsProvider provider = StaticCredentialsProvider.create("AKID", "secret", "token");

        assertThat(provider.resolveCredentials()).isEqualTo(AwsCredentials.create("AKID", "secret", "token"));
        assertThat(provider.resolveCredentials()).isSameAs(provider.resolveCredentials());
        assertThat(StaticCredentialsProvider.create("AKID", "secret").resolveCredentials().sessionToken()).isEmpty();
    }
}
