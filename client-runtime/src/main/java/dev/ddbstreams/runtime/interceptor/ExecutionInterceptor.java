package dev.ddbstreams.runtime.interceptor;

import dev.ddbstreams.runtime.http.HttpRequest;

/**
 * Code run at fixed points of every call, the counterpart of the AWS SDK for Java v2's {@code ExecutionInterceptor}:
 * tracing headers, audit logs, test fakes. Every method has a default that does nothing, so an interceptor implements
 * only the hooks it needs.
 *
 * <p>The hooks of one call run in this order:
 * <ol>
 *   <li>{@link #beforeExecution}: once, with the request as the caller passed it;
 *   <li>{@link #modifyRequest}: once; may return a changed request (of the same class), which is what gets sent;
 *   <li>{@link #modifyHttpRequest}: once, with the HTTP request built from it, <em>before signing</em>: what it returns
 *       is what gets signed and sent, so the signature covers its changes;
 *   <li>for every attempt: {@link #beforeTransmission} with the signed HTTP request, then, when a response arrived,
 *       {@link #afterTransmission} with its status and headers;
 *   <li>{@link #modifyResponse}: once, with the response object; may return a changed one, which the caller gets;
 *   <li>{@link #afterExecution} after a success, or {@link #onExecutionFailure} after a failure (at any step).
 * </ol>
 * The client's interceptors run first, in the order added, then the request's. An interceptor that throws fails the
 * call with that very exception, not wrapped, and not retried unless it is an exception the retry policy retries (an
 * {@code SdkClientException} caused by an I/O error, say); {@link #onExecutionFailure} of every interceptor still
 * runs, and an exception it throws is added to the call's as suppressed. Asynchronous calls run
 * {@code afterTransmission} on the HTTP client's thread and the last three hooks on the client's future completion
 * executor.
 *
 * <p>Implementations must be thread-safe: one interceptor serves every call of a client. State of one call goes in
 * the {@link ExecutionAttributes}, which every hook of that call shares.
 */
public interface ExecutionInterceptor {

    /** Before anything else; the request cannot be changed here. */
    default void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {}

    /**
     * The request to send: {@code context.request()} unchanged, or a changed copy of the same class (built with its
     * {@code toBuilder()}). For an operation without input the request is null and must stay so.
     */
    default Object modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        return context.request();
    }

    /**
     * The HTTP request to sign and send: {@code context.httpRequest()} unchanged, or a changed copy made with
     * {@code toBuilder()}. Runs before signing, so the signature covers headers, query parameters and the body as
     * returned here.
     */
    default HttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
        return context.httpRequest();
    }

    /** Just before each attempt is sent, with the signed HTTP request. */
    default void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {}

    /** When each attempt's response status and headers have arrived, before its body is read. */
    default void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {}

    /** The response object to return: {@code context.response()} unchanged, or a changed copy of the same class. */
    default Object modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
        return context.response();
    }

    /** After a call succeeded, with the response the caller gets. */
    default void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {}

    /** After a call failed, with the exception the caller gets and whatever the call had got that far. */
    default void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {}
}
