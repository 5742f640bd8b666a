package dev.ddbstreams.runtime.exception;

/**
 * The response was not what the protocol allows: invalid JSON, or a value of the wrong type or out of range.
 *
 * <p>The message names the shape and member being read (such as {@code Record.eventID}), what was wrong, and the
 * JSON line and column when they are known.
 */
public class MalformedResponseException extends SdkClientException {

    private static final long serialVersionUID = 1L;

    /** An exception with a message and no cause. */
    public MalformedResponseException(String message) {
        super(message);
    }

    /** An exception with a message and the exception that caused it. */
    public MalformedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
