package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CredentialsProviderChainTest {

    /** A provider that counts its calls and fails with a message, or returns credentials. */
    private static final class Counting implements AwsCredentialsProvider {
        final String name;
        final AwsCredentials credentials;
        final AtomicInteger calls = new AtomicInteger();

        Counting(String name, AwsCredentials credentials) {
            this.name = name;
            this.credentials = credentials;
        }

        @Override
        public AwsCredentials resolveCredentials() {
            calls.incrementAndGet();
            if (credentials == null) {
                throw new SdkClientException(name + " has nothing");
            }
            return credentials;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    @Test
    void firstProviderWithCredentialsWinsAndIsRemembered() {
        Counting first = new Counting("first", null);
        Counting second = new Counting("second", AwsCredentials.create("AKID2", "s"));
        Counting third = new Counting("third", AwsCredentials.create("AKID3", "s"));
        CredentialsProviderChain chain = CredentialsProviderChain.of(first, second, third);

        assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        assertThat(chain.resolveCredentials().accessKeyId()).isEqualTo("AKID2");

        assertThat(first.calls).hasValue(1);
        assertThat(second.calls).hasValue(2);
        assertThat(third.calls).hasValue(0);
    }

    @Test
    void noneWithCredentialsListsEveryReasonInOrder() {
        CredentialsProviderChain chain = CredentialsProviderChain.of(new Counting("first", null),
                () -> null, new Counting("third", null));

        SdkClientException e = org.assertj.core.api.Assertions.catchThrowableOfType(SdkClientException.class,
                chain::resolveCredentials);

        assertThat(e.getMessage())
                .startsWith("Unable to load AWS credentials from any provider in the chain")
                .contains("\n  1. first: first has nothing")
                .contains(": returned no credentials")
                .contains("\n  3. third: third has nothing");
        assertThat(e.getCause()).isNull();
        assertThat(e.getSuppressed()).hasSize(2);
    }

    @Test
    void emptyChainIsRejected() {
        assertThatThrownBy(CredentialsProviderChain::of).isInstanceOf(IllegalArgumentException.class);
    }
}
