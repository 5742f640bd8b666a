package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentials;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.SdkException;

/** Asks a credentials provider for credentials, turning whatever goes wrong into a clear {@link SdkClientException}. */
final class CredentialsResolution {

    private CredentialsResolution() {}

    static AwsCredentials resolve(AwsCredentialsProvider provider) {
        AwsCredentials credentials;
        try {
            credentials = provider.resolveCredentials();
        } catch (SdkException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SdkClientException("Unable to load credentials from " + provider + ": " + e, e);
        }
        if (credentials == null) {
            throw new SdkClientException("The credentials provider " + provider + " returned no credentials");
        }
        return credentials;
    }
}
