package dev.ddbstreams.runtime.auth;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Asks providers in order and uses the first that has credentials; from then on it asks that provider only, as the
 * AWS SDKs' chains do, so later calls do not probe files or the network again.
 *
 * <p>When none has credentials, the exception lists what each provider said, in order.
 */
public final class CredentialsProviderChain implements AwsCredentialsProvider {

    private final List<AwsCredentialsProvider> providers;
    private volatile AwsCredentialsProvider lastUsed;

    private CredentialsProviderChain(List<AwsCredentialsProvider> providers) {
        if (providers.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one provider");
        }
        this.providers = List.copyOf(providers);
    }

    /** A chain of {@code providers}, asked in this order. */
    public static CredentialsProviderChain of(AwsCredentialsProvider... providers) {
        return new CredentialsProviderChain(List.of(providers));
    }

    /** A chain of {@code providers}, asked in this order. */
    public static CredentialsProviderChain of(List<? extends AwsCredentialsProvider> providers) {
        return new CredentialsProviderChain(List.copyOf(providers));
    }

    /** The providers, in the order they are asked. */
    public List<AwsCredentialsProvider> providers() {
        return providers;
    }

    /**
     * @throws SdkClientException listing each provider's reason when none has credentials; or, once a provider has
     *     answered, that provider's own exception
     */
    @Override
    public AwsCredentials resolveCredentials() {
        AwsCredentialsProvider chosen = lastUsed;
        if (chosen != null) {
            return chosen.resolveCredentials();
        }
        List<String> reasons = new ArrayList<>();
        List<RuntimeException> failures = new ArrayList<>();
        for (AwsCredentialsProvider provider : providers) {
            try {
                AwsCredentials credentials = provider.resolveCredentials();
                if (credentials != null) {
                    lastUsed = provider;
                    return credentials;
                }
                reasons.add(provider + ": returned no credentials");
            } catch (RuntimeException e) {
                reasons.add(provider + ": " + Objects.requireNonNullElse(e.getMessage(), e.toString()));
                failures.add(e);
            }
        }
        StringBuilder message = new StringBuilder("Unable to load AWS credentials from any provider in the chain "
                + "(configure one of them, or set credentialsProvider(...) on the client builder):");
        for (int i = 0; i < reasons.size(); i++) {
            message.append("\n  ").append(i + 1).append(". ").append(reasons.get(i));
        }
        // No cause: an I/O failure of one provider must not make the whole search look like a transient fault.
        SdkClientException none = new SdkClientException(message.toString());
        failures.forEach(none::addSuppressed);
        throw none;
    }

    @Override
    public String toString() {
        return "CredentialsProviderChain" + providers;
    }
}
