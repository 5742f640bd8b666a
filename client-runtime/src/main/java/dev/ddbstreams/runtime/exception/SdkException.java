package dev.ddbstreams.runtime.exception;

/**
 * The base of every exception a client throws, so callers can catch everything from the SDK in one place.
 *
 * <p>Its two branches tell whose side the problem is on: {@link SdkClientException} when the client could not
 * complete the call or understand the answer, {@link AwsServiceException} when the service answered with an error.
 *
 * <p>An exception that ends a call records how many attempts the client made ({@link #numAttempts()}), and its
 * message ends with {@code (SDK Attempt Count: N)}, as the AWS SDKs' messages do.
 */
public class SdkException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private int numAttempts;

    /** An exception with a message and no cause. */
    public SdkException(String message) {
        super(message);
    }

    /** An exception with a message and the exception that caused it. */
    public SdkException(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * How many attempts the client made at the call this exception ended (retries included); 0 when the exception
     * did not come out of a call.
     */
    public int numAttempts() {
        return numAttempts;
    }

    /**
     * Records how many attempts the call made; the client's retry mechanism sets it once, just before the exception
     * leaves the call.
     *
     * @throws IllegalArgumentException when {@code numAttempts} is less than 1
     */
    public void setNumAttempts(int numAttempts) {
        if (numAttempts < 1) {
            throw new IllegalArgumentException("numAttempts must be at least 1: " + numAttempts);
        }
        this.numAttempts = numAttempts;
    }

    /** The message, followed by {@code (SDK Attempt Count: N)} once the attempt count is known. */
    @Override
    public String getMessage() {
        String message = super.getMessage();
        return numAttempts == 0 ? message : message + " (SDK Attempt Count: " + numAttempts + ")";
    }
}
