package dev.ddbstreams.runtime.auth;

/**
 * Supplies the credentials to sign a request with.
 *
 * <p>The client asks before every call, so a provider can rotate temporary credentials; it must be safe to call
 * from several threads. A provider that cannot supply credentials throws an
 * {@link dev.ddbstreams.runtime.exception.SdkClientException} saying why.
 */
@FunctionalInterface
public interface AwsCredentialsProvider {

    /** The credentials to sign the next request with. */
    AwsCredentials resolveCredentials();
}
