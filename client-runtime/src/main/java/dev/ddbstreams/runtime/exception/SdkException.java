package dev.ddbstreams.runtime.exception;

/**
 * The base of every exception a client throws, so callers can catch everything from the SDK in one place.
 *
 * <p>Its two branches tell whose side the problem is on: {@link SdkClientException} when the client could not
 * complete the call or understand the answer, {@link AwsServiceException} when the service answered with an error.
 */
public class SdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message and no cause. */
    public SdkException(String message) {
        super(message);
    }

    /** An exception with a message and the exception that caused it. */
    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }
}
