package dev.ddbstreams.runtime.interceptor;

import dev.ddbstreams.runtime.http.HttpRequest;
import dev.ddbstreams.runtime.http.HttpResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One call's run through its interceptors: the {@link ExecutionAttributes} the hooks share, and what the call has got
 * so far, from which each hook's immutable {@link Context} is made. The invoker calls the methods in the order of the
 * hooks (see {@link ExecutionInterceptor}); they are never called concurrently.
 */
public final class InterceptedCall {

    private final List<ExecutionInterceptor> interceptors;
    private final ExecutionAttributes attributes = new ExecutionAttributes();
    private final String serviceId;
    private final String operationName;
    private Object request;
    private HttpRequest httpRequest;
    private int attemptNumber;
    private HttpResponse httpResponse;
    private Object response;

    InterceptedCall(List<ExecutionInterceptor> interceptors, String serviceId, String operationName, Object request) {
        this.interceptors = interceptors;
        this.serviceId = serviceId;
        this.operationName = operationName;
        this.request = request;
    }

    /** The attributes the hooks of this call share. */
    public ExecutionAttributes attributes() {
        return attributes;
    }

    void beforeExecution() {
        InterceptorContext context = context();
        for (ExecutionInterceptor interceptor : interceptors) {
            interceptor.beforeExecution(context, attributes);
        }
    }

    /** Runs every {@code modifyRequest}; returns the request to send. */
    public Object modifyRequest() {
        for (ExecutionInterceptor interceptor : interceptors) {
            Object modified = interceptor.modifyRequest(context(), attributes);
            request = sameKind(interceptor, "modifyRequest", "request", request, modified);
        }
        return request;
    }

    /** Runs every {@code modifyHttpRequest} on {@code unsigned}; returns the HTTP request to sign. */
    public HttpRequest modifyHttpRequest(HttpRequest unsigned) {
        httpRequest = unsigned;
        for (ExecutionInterceptor interceptor : interceptors) {
            HttpRequest modified = interceptor.modifyHttpRequest(context(), attributes);
            if (modified == null) {
                throw new IllegalStateException(interceptor + ".modifyHttpRequest returned null for "
                        + operationName + "; return context.httpRequest() to leave it unchanged");
            }
            httpRequest = modified;
        }
        return httpRequest;
    }

    /** Runs every {@code beforeTransmission} with attempt {@code attemptNumber}'s signed request. */
    public void beforeTransmission(HttpRequest signed, int attemptNumber) {
        this.httpRequest = signed;
        this.attemptNumber = attemptNumber;
        this.httpResponse = null;
        InterceptorContext context = context();
        for (ExecutionInterceptor interceptor : interceptors) {
            interceptor.beforeTransmission(context, attributes);
        }
    }

    /** Runs every {@code afterTransmission} with the attempt's response status and headers. */
    public void afterTransmission(HttpResponse received) {
        this.httpResponse = received;
        InterceptorContext context = context();
        for (ExecutionInterceptor interceptor : interceptors) {
            interceptor.afterTransmission(context, attributes);
        }
    }

    /** Runs every {@code modifyResponse}, then every {@code afterExecution}; returns the response for the caller. */
    public Object completed(Object received) {
        response = received;
        for (ExecutionInterceptor interceptor : interceptors) {
            Object modified = interceptor.modifyResponse(context(), attributes);
            response = sameKind(interceptor, "modifyResponse", "response", response, modified);
        }
        InterceptorContext context = context();
        for (ExecutionInterceptor interceptor : interceptors) {
            interceptor.afterExecution(context, attributes);
        }
        return response;
    }

    /**
     * Runs every {@code onExecutionFailure} with {@code failure}, each whatever the ones before it threw: an exception
     * from a hook is added to {@code failure} as suppressed, so the caller still gets the call's own exception.
     */
    public void failed(Throwable failure) {
        FailedContext context = context().failedWith(failure);
        for (ExecutionInterceptor interceptor : interceptors) {
            try {
                interceptor.onExecutionFailure(context, attributes);
            } catch (RuntimeException e) {
                if (e != failure) {
                    failure.addSuppressed(e);
                }
            }
        }
    }

    private InterceptorContext context() {
        return new InterceptorContext(serviceId, operationName, request, httpRequest, attemptNumber, httpResponse,
                response);
    }

    private Object sameKind(ExecutionInterceptor interceptor, String hook, String what, Object before, Object after) {
        if (before == null ? after != null : after == null || after.getClass() != before.getClass()) {
            throw new IllegalStateException(interceptor + "." + hook + " returned " + describe(after) + " for "
                    + operationName + ", which needs " + describe(before) + "; return context." + what + "() to leave"
                    + " it unchanged, or a copy made with its toBuilder()");
        }
        return after;
    }

    private static String describe(Object value) {
        return value == null ? "null" : "a " + value.getClass().getName();
    }

    @Override
    public String toString() {
        return "InterceptedCall(" + operationName + ", interceptors=" + interceptors.size() + ")";
    }

    /** The view of every hook but the failure's; fields not reached yet are null (0 for the attempt). */
    private record InterceptorContext(String serviceId, String operationName, Object request, HttpRequest httpRequest,
                                      int attemptNumber, HttpResponse httpResponse, Object response)
            implements Context.AfterExecution {

        FailedContext failedWith(Throwable failure) {
            return new FailedContext(serviceId, operationName, request, Optional.ofNullable(httpRequest),
                    Optional.ofNullable(httpResponse), Optional.ofNullable(response),
                    Objects.requireNonNull(failure, "failure"));
        }

        @Override
        public String toString() {
            return "Context(" + serviceId + "." + operationName + ", attempt=" + attemptNumber + ")";
        }
    }

    /** The failure hook's view. */
    private record FailedContext(String serviceId, String operationName, Object request,
                                 Optional<HttpRequest> httpRequest, Optional<HttpResponse> httpResponse,
                                 Optional<Object> response, Throwable exception) implements Context.FailedExecution {

        @Override
        public String toString() {
            return "Context(" + serviceId + "." + operationName + ", failed: " + exception + ")";
        }
    }
}
