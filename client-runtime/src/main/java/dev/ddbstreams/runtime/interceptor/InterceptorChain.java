package dev.ddbstreams.runtime.interceptor;

import java.util.ArrayList;
import java.util.List;

/**
 * The interceptors of a client, or of one call (the client's followed by the request's), in the order they run.
 * Immutable. The client's invoker asks {@link #isEmpty()} first, so a call without interceptors builds no context
 * and no attributes at all.
 */
public final class InterceptorChain {

    private static final InterceptorChain NONE = new InterceptorChain(List.of());

    private final List<ExecutionInterceptor> interceptors;

    private InterceptorChain(List<ExecutionInterceptor> interceptors) {
        this.interceptors = interceptors;
    }

    /** The chain of no interceptors. */
    public static InterceptorChain none() {
        return NONE;
    }

    /** {@code interceptors}, in order. */
    public static InterceptorChain of(List<? extends ExecutionInterceptor> interceptors) {
        return interceptors.isEmpty() ? NONE : new InterceptorChain(List.copyOf(interceptors));
    }

    /** This chain followed by {@code more}; this very chain when {@code more} is empty. */
    public InterceptorChain plus(List<? extends ExecutionInterceptor> more) {
        if (more.isEmpty()) {
            return this;
        }
        List<ExecutionInterceptor> all = new ArrayList<>(interceptors.size() + more.size());
        all.addAll(interceptors);
        all.addAll(more);
        return new InterceptorChain(List.copyOf(all));
    }

    /** Whether there is no interceptor to run. */
    public boolean isEmpty() {
        return interceptors.isEmpty();
    }

    /** The interceptors in the order they run. */
    public List<ExecutionInterceptor> interceptors() {
        return interceptors;
    }

    /**
     * Starts one call: runs every {@link ExecutionInterceptor#beforeExecution} with {@code request} and returns the
     * call's state, through which the invoker runs the later hooks.
     */
    public InterceptedCall start(String serviceId, String operationName, Object request) {
        InterceptedCall call = new InterceptedCall(interceptors, serviceId, operationName, request);
        call.beforeExecution();
        return call;
    }

    @Override
    public String toString() {
        return "InterceptorChain(" + interceptors + ")";
    }
}
