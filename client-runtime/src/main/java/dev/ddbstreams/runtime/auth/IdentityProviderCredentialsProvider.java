package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.SdkException;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.identity.spi.AwsSessionCredentialsIdentity;
import software.amazon.awssdk.identity.spi.IdentityProvider;

/**
 * Uses any AWS SDK for Java v2 credentials provider: anything that is an
 * {@code IdentityProvider<? extends AwsCredentialsIdentity>}, such as the SDK's {@code ProfileCredentialsProvider}
 * with IAM Identity Center (SSO) or a role to assume, {@code WebIdentityTokenFileCredentialsProvider},
 * {@code StsAssumeRoleCredentialsProvider} or the SDK's own {@code DefaultCredentialsProvider}.
 *
 * <pre>{@code
 * client = DynamoDbStreamsClient.builder()
 *         .credentialsProvider(IdentityProviderCredentialsProvider.create(
 *                 software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider.create("sso-dev")))
 *         .build();
 * }</pre>
 *
 * <p>It asks the SDK provider at every call; the SDK's providers cache and refresh their credentials themselves.
 */
public final class IdentityProviderCredentialsProvider implements AwsCredentialsProvider {

    private final IdentityProvider<? extends AwsCredentialsIdentity> provider;

    private IdentityProviderCredentialsProvider(IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        this.provider = Objects.requireNonNull(provider, "provider");
    }

    /** A provider of the credentials {@code provider} resolves. */
    public static IdentityProviderCredentialsProvider create(
            IdentityProvider<? extends AwsCredentialsIdentity> provider) {
        return new IdentityProviderCredentialsProvider(provider);
    }

    /**
     * @throws SdkClientException when the SDK provider fails (its exception is the cause) or resolves nothing
     */
    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsIdentity identity;
        try {
            CompletableFuture<? extends AwsCredentialsIdentity> future = provider.resolveIdentity();
            if (future == null) {
                throw new SdkClientException(provider + " returned no result from resolveIdentity()");
            }
            identity = future.join();
        } catch (SdkException e) {
            throw e;
        } catch (CompletionException e) {
            throw failure(e.getCause() != null ? e.getCause() : e);
        } catch (RuntimeException e) {
            throw failure(e);
        }
        if (identity == null) {
            throw new SdkClientException(provider + " resolved no credentials");
        }
        return AwsCredentials.builder()
                .accessKeyId(identity.accessKeyId())
                .secretAccessKey(identity.secretAccessKey())
                .sessionToken(identity instanceof AwsSessionCredentialsIdentity session ? session.sessionToken() : null)
                .expiration(identity.expirationTime().orElse(null))
                .build();
    }

    private SdkClientException failure(Throwable cause) {
        return new SdkClientException("Unable to load credentials from " + provider + ": " + cause, cause);
    }

    @Override
    public String toString() {
        return "IdentityProviderCredentialsProvider(" + provider + ")";
    }
}
