package dev.ddbstreams.runtime.exception;

/**
 * The client could not complete the call or could not read the answer: invalid configuration, an I/O failure or
 * timeout, a connection closed mid-response, or a response the protocol does not allow.
 */
public class SdkClientException extends SdkException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message and no cause. */
    public SdkClientException(String message) {
        super(message);
    }

    /** An exception with a message and the exception that caused it. */
    public SdkClientException(String message, Throwable cause) {
        super(message, cause);
    }
}
