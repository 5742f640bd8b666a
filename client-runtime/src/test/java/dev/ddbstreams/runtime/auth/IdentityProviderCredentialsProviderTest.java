package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;
import software.amazon.awssdk.identity.spi.ResolveIdentityRequest;

/** Any AWS SDK v2 identity provider plugs in. */
class IdentityProviderCredentialsProviderTest {

    /** Stands in for an SDK provider such as the SSO or web identity ones. */
    private record FakeSdkProvider<T extends AwsCredentialsIdentity>(Class<T> identityType,
                                                                     CompletableFuture<T> answer)
            implements IdentityProvider<T> {
        @Override
        public CompletableFuture<? extends T> resolveIdentity(ResolveIdentityRequest request) {
            return answer;
        }

        @Override
        public String toString() {
            return "FakeSdkProvider";
        }
    }

    /** Temporary credentials as an SSO or web identity provider resolves them. */
    private record ExpiringIdentity(String accessKeyId, String secretAccessKey, String sessionToken,
                                    Instant expiry) implements AwsSessionCredentialsIdentity {
        @Override
        public Optional<Instant> expirationTime() {
            return Optional.of(expiry);
        }
    }

    @Test
    void realSdkV2ProvidersPlugIn() {
        software.amazon.awssdk.auth.credentials.AwsCredentialsProvider sdkProvider =
                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
                                "ASIASDK", "sdksecret", "sdktoken"));

        AwsCredentials credentials = IdentityProviderCredentialsProvider.create(sdkProvider).resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("ASIASDK", "sdksecret", "sdktoken"));
    }

    @Test
    void sessionCredentialsWithExpirationAreCarriedOver() {
        Instant expiry = Instant.parse("2030-01-01T00:00:00Z");
        AwsSessionCredentialsIdentity identity = new ExpiringIdentity("ASIASSO", "ssosecret", "ssotoken", expiry);

        AwsCredentials credentials = IdentityProviderCredentialsProvider.create(
                new FakeSdkProvider<>(AwsSessionCredentialsIdentity.class, CompletableFuture.completedFuture(identity)))
                .resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.builder().accessKeyId("ASIASSO")
                .secretAccessKey("ssosecret").sessionToken("ssotoken").expiration(expiry).build());
    }

    @Test
    void longTermCredentialsHaveNoToken() {
        AwsCredentials credentials = IdentityProviderCredentialsProvider.create(new FakeSdkProvider<>(
                AwsCredentialsIdentity.class,
                CompletableFuture.completedFuture(AwsCredentialsIdentity.create("AKID", "secret"))))
                .resolveCredentials();

        assertThat(credentials).isEqualTo(AwsCredentials.create("AKID", "secret"));
        assertThat(credentials.expiration()).isEqualTo(Optional.empty());
    }

    @Test
    void failureOfTheSdkProviderBecomesAClientExceptionWithItsCause() {
        IllegalStateException cause = new IllegalStateException("The SSO session has expired");

        assertThatThrownBy(() -> IdentityProviderCredentialsProvider.create(new FakeSdkProvider<>(
                AwsCredentialsIdentity.class, CompletableFuture.<AwsCredentialsIdentity>failedFuture(cause)))
                .resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to load credentials from FakeSdkProvider")
                .hasMessageContaining("The SSO session has expired")
                .hasCause(cause);
    }

    @Test
    void nothingResolvedIsAClientException() {
        assertThatThrownBy(() -> IdentityProviderCredentialsProvider.create(new FakeSdkProvider<>(
                AwsCredentialsIdentity.class, CompletableFuture.<AwsCredentialsIdentity>completedFuture(null)))
                .resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("FakeSdkProvider resolved no credentials");
    }
}
