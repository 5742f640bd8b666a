package dev.ddbstreams.runtime.exception;

import java.util.Objects;

/**
 * The service received the request and answered with an error.
 *
 * <p>Each modeled error of a service is a subclass, created by the generated code from the {@link AwsErrorDetails}
 * the runtime read from the response.
 */
public class AwsServiceException extends SdkException {

    private static final long serialVersionUID = 1L;

    private final AwsErrorDetails details;

    /** An exception describing the error in {@code details}. */
    protected AwsServiceException(AwsErrorDetails details) {
        super(formatMessage(Objects.requireNonNull(details, "details")));
        this.details = details;
    }

    /** Everything the service said about the error. */
    public AwsErrorDetails awsErrorDetails() {
        return details;
    }

    /** The error code, such as {@code ResourceNotFoundException}; {@code null} when the response had none. */
    public String errorCode() {
        return details.errorCode();
    }

    /** The service's own message; may be {@code null}. */
    public String errorMessage() {
        return details.errorMessage();
    }

    /** The request id to quote to AWS support; {@code null} when the response had none. */
    public String requestId() {
        return details.requestId();
    }

    /** The HTTP status code. */
    public int statusCode() {
        return details.statusCode();
    }

    // Same shape as the AWS SDK's messages, so people who know those can read ours at a glance.
    private static String formatMessage(AwsErrorDetails details) {
        String context = "(Service: " + details.serviceName()
                + ", Status Code: " + details.statusCode()
                + ", Error Code: " + details.errorCode()
                + ", Request ID: " + details.requestId() + ")";
        String message = details.errorMessage();
        return message == null || message.isEmpty() ? context : message + " " + context;
    }
}
