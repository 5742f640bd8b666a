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
    void builderCarriesTheExpirationIntoEqualityAndToString() {
        java.time.Instant expiry = java.time.Instant.parse("2030-01-01T00:00:00Z");
        AwsCredentials expiring = AwsCredentials.builder().accessKeyId("AKID").secretAccessKey("SECRETVALUE")
                .sessionToken("TOKENVALUE").expiration(expiry).build();

        assertThat(expiring.expiration()).contains(expiry);
        assertThat(expiring).isNotEqualTo(AwsCredentials.create("AKID", "SECRETVALUE", "TOKENVALUE"));
        assertThat(expiring.toString()).contains("expiration=2030-01-01T00:00:00Z")
                .doesNotContain("SECRETVALUE").doesNotContain("TOKENVALUE");
        assertThat(AwsCredentials.create("AKID", "secret").expiration()).isEmpty();
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
