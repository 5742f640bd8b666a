package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.interceptor.InterceptedCall;
import dev.ddbstreams.runtime.metrics.MetricPublisher;
import dev.ddbstreams.runtime.override.OverridableRequest;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.AttemptContext;
import dev.ddbstreams.runtime.retry.FailureKind;
import dev.ddbstreams.runtime.retry.RetryDecision;
import dev.ddbstreams.runtime.retry.RetryExecutor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import okhttp3.HttpUrl;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * The state of one call on its way through the {@link AwsJsonProtocolInvoker}'s pipeline: the settings that apply to
 * it (the client's, with the request's override configuration on top), what each step has produced, and the
 * optional observers (interceptors, a metrics recorder), which stay null when nobody listens so that a plain call
 * pays for none of them. Each attempt is made through it ({@link RetryExecutor.Attempt}); the invoker does the work.
 * Used by one call at a time: a call's steps and attempts follow one another.
 */
final class CallExecution<Q, R> implements RetryExecutor.Attempt<R>, RetryExecutor.AsyncAttempt<R> {

    final AwsJsonProtocolInvoker invoker;
    final OperationDescriptor<Q, R> operation;
    final long startNanos = System.nanoTime();
    /** The caller's request's override configuration; null when it has none. */
    final RequestOverrideConfiguration overrides;
    final Duration callTimeout;
    /** Null when no interceptor runs. */
    InterceptedCall intercepted;
    /** Null when nobody publishes this call's metrics. */
    final CallMetricsRecorder metrics;
    final List<MetricPublisher> requestPublishers;
    /** Whether anyone looks at statuses and request ids: metrics, or the DEBUG log. */
    final boolean observed;

    // Set by the preparing steps.
    Q request;
    /** The override configuration of the request being sent (an interceptor's replacement's); null when none. */
    RequestOverrideConfiguration effectiveOverrides;
    /** The endpoint discovery chose; null for the client's. */
    HttpUrl endpointUrl;
    byte[] body;
    /** Whether the body was gzip-compressed. */
    boolean compressed;
    SdkHttpRequest unsigned;
    HttpUrl url;
    /** The HTTP request interceptors saw; null on the plain path. */
    HttpRequest httpRequest;
    AwsCredentialsProvider credentialsProvider;
    /**
     * Credentials this call must be signed with whatever its request says: those of the call an endpoint discovery
     * serves, whose endpoint is kept under their access key id. Null for every other call.
     */
    AwsCredentialsProvider credentialsOfServedCall;
    Duration attemptTimeout;
    boolean userAgentSet;

    // Set by each attempt.
    int attempts;
    long attemptStartNanos;
    int lastStatus;
    String lastRequestId;
    long lastResponseBytes = -1;

    CallExecution(AwsJsonProtocolInvoker invoker, OperationDescriptor<Q, R> operation, Q request,
                  Duration clientCallTimeout, boolean clientPublishers) {
        this.invoker = invoker;
        this.operation = operation;
        this.request = request;
        this.overrides = overridesOf(request);
        this.effectiveOverrides = overrides;
        this.requestPublishers = overrides == null ? List.of() : overrides.metricPublishers();
        this.callTimeout = overrides == null ? clientCallTimeout : overrides.apiCallTimeout().orElse(clientCallTimeout);
        this.metrics = clientPublishers || !requestPublishers.isEmpty() ? new CallMetricsRecorder() : null;
        this.observed = metrics != null || CallLog.debug();
    }

    static RequestOverrideConfiguration overridesOf(Object request) {
        return request instanceof OverridableRequest overridable ? overridable.overrideConfiguration().orElse(null) : null;
    }

    String name() {
        return operation.name();
    }

    @Override
    public R run(AttemptContext context) {
        return invoker.attempt(this, context);
    }

    @Override
    public CompletableFuture<R> start(AttemptContext context) {
        return invoker.attemptAsync(this, context);
    }

    void attemptStarted() {
        attempts++;
        lastStatus = 0;
        lastRequestId = null;
        lastResponseBytes = -1;
        if (metrics != null) {
            attemptStartNanos = System.nanoTime();
        }
    }

    void attemptSucceeded(AttemptContext context) {
        if (metrics != null) {
            metrics.attempt(context.attemptNumber(), context.delayBefore(), attemptStartNanos, lastStatus, null, false,
                    lastRequestId, lastResponseBytes);
        }
    }

    @Override
    public void failed(AttemptContext context, RuntimeException failure, RetryDecision decision) {
        String errorCode = null;
        if (failure instanceof AwsServiceException service) {
            lastStatus = service.statusCode();
            lastRequestId = service.requestId();
            errorCode = service.errorCode();
        }
        if (metrics != null) {
            metrics.attempt(context.attemptNumber(), context.delayBefore(), attemptStartNanos, lastStatus, errorCode,
                    decision.failureKind() == FailureKind.THROTTLING, lastRequestId, lastResponseBytes);
        }
        CallLog.attemptFailed(invoker.serviceId(), name(), context.attemptNumber(), failure, decision);
    }

    @Override
    public String toString() {
        return "CallExecution(" + name() + ", attempts=" + attempts + ")";
    }
}
