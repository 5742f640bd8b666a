package dev.ddbstreams.runtime.exception;

/**
 * The call did not complete within the client's call timeout, which bounds all attempts together: the waits
 * between retries included. The cause, when there is one, is the failure of the last attempt.
 */
public class ApiCallTimeoutException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message and the last attempt's failure, which may be {@code null}. */
    public ApiCallTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
