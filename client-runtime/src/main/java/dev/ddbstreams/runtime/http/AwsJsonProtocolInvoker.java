package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.SdkException;
import dev.ddbstreams.runtime.interceptor.InterceptorChain;
import dev.ddbstreams.runtime.metrics.CallMetrics;
import dev.ddbstreams.runtime.metrics.MetricsDispatcher;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.override.CompressionConfiguration;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.AttemptContext;
import dev.ddbstreams.runtime.retry.RetryExecutor;
import dev.ddbstreams.runtime.retry.RetryStrategy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Calls operations of an awsJson 1.0 service: a signed {@code POST} per attempt, the operation named in
 * {@code X-Amz-Target}, request and response bodies in JSON.
 *
 * <p>A call goes through these steps, in this order (the methods of the same names below):
 * <ol>
 *   <li>{@code begin}: the settings of this call, the client's with the request's override configuration on top;
 *       interceptors' {@code beforeExecution};
 *   <li>{@code prepare}: interceptors' {@code modifyRequest}; the body ({@code marshal}); the HTTP request
 *       ({@code httpRequest}: endpoint, protocol headers, default and override headers, query parameters);
 *       interceptors' {@code modifyHttpRequest}, before signing;
 *   <li>the attempts, through the {@link RetryExecutor} (retries, waits, adaptive rate limiting, the call timeout),
 *       each: {@code sign} (credentials resolved and signed afresh), interceptors' {@code beforeTransmission},
 *       {@code send} (within the attempt timeout), interceptors' {@code afterTransmission}, {@code read} (the
 *       success body straight from the network, or the error mapped to its exception);
 *   <li>{@code complete}: interceptors' {@code modifyResponse} and {@code afterExecution} (or
 *       {@code onExecutionFailure}), the call's metrics record and its log line.
 * </ol>
 * Nothing a call does not use costs it anything: without interceptors no context is built, without publishers no
 * metrics are recorded, and a request without headers, query parameters or interceptors to add is signed from an
 * unsigned request built once per operation.
 *
 * <p>Per-operation routing comes from the {@link OperationDescriptor} and goes into these steps: endpoint discovery
 * between preparing the request and building the HTTP request ({@code route}: the call's endpoint), a host prefix into
 * {@code httpRequest}, request compression into {@code marshal} (before signing, so the signature covers the
 * compressed body), unsigned operations into {@code sign} (no credentials resolved), response metadata into
 * {@code read}. An operation with none of them takes the plain path, which they cost nothing.
 *
 * <p>A generated client holds one invoker and calls {@link #invoke} from each operation method. An invoker is safe
 * to use from several threads. {@link #close()} releases the HTTP client it created (never an application's client
 * passed in through {@link ClientSettings.Builder#httpClient}) and delivers the metrics still queued.
 *
 * <p>Everything a call throws is an {@link SdkException} (the service's errors as the exceptions the
 * {@link ErrorMapper} chooses, everything else as {@link SdkClientException}), except what an interceptor throws,
 * which surfaces unchanged.
 */
public final class AwsJsonProtocolInvoker implements AutoCloseable {

    // Response streams belong to OkHttp's Response, closed by the invoker once it has verified the body's CRC32.
    // Duplicate keys are refused: with "last one wins" a corrupted or tampered response could change a value
    // unnoticed. Generated readers refuse them in successful responses themselves, at no cost per object (jackson's
    // STRICT_DUPLICATE_DETECTION allocates a hash set for every object of three or more members, a third of the
    // garbage a page of records made); error bodies, read by hand and rare, keep jackson's check.
    private static final JsonFactory JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .build();
    private static final JsonFactory STRICT_JSON = JsonFactory.builder()
            .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** More operations than any service has; a bound only against callers inventing names. */
    private static final int MAX_CACHED_OPERATIONS = 256;

    private final ServiceMetadata metadata;
    private final ErrorMapper errorMapper;
    private final AwsCredentialsProvider credentialsProvider;
    private final ResolvedEndpoint endpoint;
    private final SigV4RequestSigner signer;
    private final OkHttpClient httpClient;
    private final boolean ownsHttpClient;
    private final String userAgent;
    private final RequestBodyWriter requestBodyWriter = new RequestBodyWriter(JSON);
    private final SuccessResponseReader successResponseReader = new SuccessResponseReader(JSON);
    private final ErrorResponseReader errorResponseReader;
    private final RetryExecutor retries;
    private final Duration callTimeout;
    private final Duration attemptTimeout;
    private final Map<String, List<String>> defaultHeaders;
    private final InterceptorChain interceptors;
    private final MetricsDispatcher metrics;
    private final Executor completionExecutor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConcurrentMap<String, SdkHttpRequest> unsignedRequests = new ConcurrentHashMap<>();
    private final boolean hostPrefixInjectionDisabled;
    private final boolean requestCompressionEnabled;
    private final int minimumCompressionThresholdInBytes;
    private final EndpointDiscoverer discoverer;

    /**
     * An invoker for the service described by {@code metadata}, configured by {@code settings}, turning error
     * responses into exceptions with {@code errorMapper}.
     */
    public AwsJsonProtocolInvoker(ClientSettings settings, ServiceMetadata metadata, ErrorMapper errorMapper) {
        Objects.requireNonNull(settings, "settings");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.errorMapper = Objects.requireNonNull(errorMapper, "errorMapper");
        this.credentialsProvider = settings.credentialsProvider();
        this.endpoint = ResolvedEndpoint.resolve(settings, metadata);
        this.signer = new SigV4RequestSigner(metadata.signingName(), endpoint.signingRegion(), settings.clock());
        this.httpClient = OkHttpClients.create(settings, endpoint.url());
        this.ownsHttpClient = OkHttpClients.ownsHttpClient(settings);
        this.userAgent = UserAgent.of(settings.userAgentSuffix());
        this.errorResponseReader = new ErrorResponseReader(STRICT_JSON, metadata.serviceId());
        this.callTimeout = settings.callTimeout().orElse(ClientSettings.DEFAULT_CALL_TIMEOUT);
        this.retries = new RetryExecutor(RetryStrategy.create(settings.retryPolicy()), settings.clock(), callTimeout);
        ClientOverrideConfiguration overrides = settings.overrideConfiguration();
        this.attemptTimeout = overrides.apiCallAttemptTimeout().orElse(null);
        this.defaultHeaders = overrides.headers();
        this.interceptors = InterceptorChain.of(overrides.executionInterceptors());
        this.metrics = new MetricsDispatcher(overrides.metricPublishers());
        this.completionExecutor = settings.futureCompletionExecutor().orElseGet(FutureCompletion::defaultExecutor);
        this.hostPrefixInjectionDisabled = settings.hostPrefixInjectionDisabled();
        this.requestCompressionEnabled = settings.requestCompressionEnabled();
        this.minimumCompressionThresholdInBytes = settings.minimumCompressionThresholdInBytes();
        this.discoverer = new EndpointDiscoverer(this, endpoint, settings.endpointDiscoveryEnabled().orElse(null), settings.clock());
    }

    /**
     * Calls {@code operation} with {@code request} (null for an operation without input) and returns its response.
     *
     * @throws dev.ddbstreams.runtime.exception.AwsServiceException when the service answers with an error that is
     *     not retried, or still after the last attempt
     * @throws dev.ddbstreams.runtime.exception.ApiCallTimeoutException when the call timeout runs out
     * @throws SdkClientException when the call cannot be completed or its response cannot be read
     */
    public <Q, R> R invoke(OperationDescriptor<Q, R> operation, Q request) {
        CallExecution<Q, R> call = begin(operation, request);
        try {
            start(call);
            prepareRequest(call);
            CompletableFuture<HttpUrl> discovered = route(call);
            if (discovered != null) {
                call.endpointUrl = joinDiscovery(discovered);
            }
            prepareHttp(call);
            R response = retries.execute(operation.name(), call.callTimeout, call);
            return complete(call, response);
        } catch (RuntimeException e) {
            throw fail(call, e);
        }
    }

    /**
     * Calls {@code operation} without blocking: the same steps as {@link #invoke}, the attempts on OkHttp's
     * asynchronous calls. The future completes on the client's future completion executor, never on an OkHttp
     * thread, and fails with the exception {@link #invoke} would throw; cancelling it cancels the HTTP call in flight
     * and any retry not yet started.
     */
    public <Q, R> CompletableFuture<R> invokeAsync(OperationDescriptor<Q, R> operation, Q request) {
        return invokeAsync(operation, request, null);
    }

    /**
     * {@link #invokeAsync(OperationDescriptor, Object)} signed with {@code credentials} when not null: an endpoint
     * discovery asks with the credentials of the call it serves (a request may override the client's), since what
     * it finds is kept for their access key id.
     */
    <Q, R> CompletableFuture<R> invokeAsync(OperationDescriptor<Q, R> operation, Q request,
                                            AwsCredentialsProvider credentials) {
        CompletableFuture<R> result = new CompletableFuture<>();
        CallExecution<Q, R> call;
        try {
            call = begin(operation, request);
            call.credentialsOfServedCall = credentials;
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<R> attempts;
        try {
            start(call);
            prepareRequest(call);
            CompletableFuture<HttpUrl> discovered = route(call);
            if (discovered == null) {
                prepareHttp(call);
                attempts = retries.executeAsync(operation.name(), call.callTimeout, call, RetryScheduler.get());
            } else {
                // Without blocking the caller: the attempts start once the endpoint is known.
                attempts = discovered.thenCompose(url -> {
                    call.endpointUrl = url;
                    prepareHttp(call);
                    return retries.executeAsync(operation.name(), call.callTimeout, call, RetryScheduler.get());
                });
            }
        } catch (RuntimeException e) {
            attempts = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<R> inFlight = attempts;
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                inFlight.cancel(true);
            }
        });
        inFlight.whenComplete((value, failure) -> FutureCompletion.run(completionExecutor, () -> {
            if (result.isDone()) {
                return;
            }
            try {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    throw cause instanceof RuntimeException runtime ? runtime
                            : new SdkClientException(operation.name() + " failed: " + cause, cause);
                }
                result.complete(complete(call, value));
            } catch (CancellationException e) {
                result.cancel(false);
            } catch (RuntimeException e) {
                result.completeExceptionally(fail(call, e));
            }
        }));
        return result;
    }

    /**
     * Calls an operation given by name, marshaller and unmarshaller alone: for callers without a modeled request
     * (tools, tests). Generated clients pass an {@link OperationDescriptor} and the request instead.
     */
    public <T> T invoke(String operationName, RequestMarshaller marshaller, ResponseUnmarshaller<T> unmarshaller) {
        return invoke(adHoc(operationName, marshaller, unmarshaller), null);
    }

    /** The asynchronous form of {@link #invoke(String, RequestMarshaller, ResponseUnmarshaller)}. */
    public <T> CompletableFuture<T> invokeAsync(String operationName, RequestMarshaller marshaller,
                                                ResponseUnmarshaller<T> unmarshaller) {
        return invokeAsync(adHoc(operationName, marshaller, unmarshaller), null);
    }

    private static <T> OperationDescriptor<Void, T> adHoc(String operationName, RequestMarshaller marshaller,
                                                         ResponseUnmarshaller<T> unmarshaller) {
        Objects.requireNonNull(marshaller, "marshaller");
        return OperationDescriptor.of(operationName, (generator, ignored) -> marshaller.write(generator), unmarshaller);
    }

    // ---- 1. begin: the call's settings ----

    private <Q, R> CallExecution<Q, R> begin(OperationDescriptor<Q, R> operation, Q request) {
        Objects.requireNonNull(operation, "operation");
        if (closed.get()) {
            throw new SdkClientException("This " + metadata.serviceId() + " client has been closed");
        }
        return new CallExecution<>(this, operation, request, callTimeout, metrics.hasClientPublishers());
    }

    private void start(CallExecution<?, ?> call) {
        InterceptorChain chain = call.overrides == null
                ? interceptors : interceptors.plus(call.overrides.executionInterceptors());
        if (!chain.isEmpty()) {
            call.intercepted = chain.start(metadata.serviceId(), call.name(), call.request);
        }
    }

    // ---- 2. prepare: request, route, body, HTTP request ----

    private <Q> void prepareRequest(CallExecution<Q, ?> call) {
        RequestOverrideConfiguration overrides = call.overrides;
        if (call.intercepted != null) {
            @SuppressWarnings("unchecked") // InterceptedCall checks the modified request is of the request's class.
            Q modified = (Q) call.intercepted.modifyRequest();
            call.request = modified;
            overrides = CallExecution.overridesOf(modified);
            call.effectiveOverrides = overrides;
        }
        if (call.credentialsOfServedCall != null) {
            call.credentialsProvider = call.credentialsOfServedCall;
        } else {
            call.credentialsProvider = overrides == null
                    ? credentialsProvider : overrides.credentialsProvider().orElse(credentialsProvider);
        }
        call.attemptTimeout = overrides == null
                ? attemptTimeout : overrides.apiCallAttemptTimeout().orElse(attemptTimeout);
    }

    /** The endpoint discovery gives this call, or null for the client's endpoint. */
    private <Q> CompletableFuture<HttpUrl> route(CallExecution<Q, ?> call) {
        OperationDescriptor.EndpointDiscoveryRoute<? super Q> route = call.operation.endpointDiscovery();
        return route == null ? null : discover(call, route);
    }

    private <Q, T extends Q> CompletableFuture<HttpUrl> discover(CallExecution<T, ?> call,
                                                                  OperationDescriptor.EndpointDiscoveryRoute<Q> route) {
        return discoverer.endpoint(call.name(), route, call.request, call.credentialsProvider);
    }

    private <Q> void forgetEndpoint(CallExecution<Q, ?> call) {
        forgetEndpoint(call, call.operation.endpointDiscovery());
    }

    private <Q, T extends Q> void forgetEndpoint(CallExecution<T, ?> call, OperationDescriptor.EndpointDiscoveryRoute<Q> route) {
        discoverer.invalidate(route, call.request, call.credentialsProvider, call.endpointUrl);
    }

    private static HttpUrl joinDiscovery(CompletableFuture<HttpUrl> discovered) {
        try {
            return discovered.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
        }
    }

    private <Q> void prepareHttp(CallExecution<Q, ?> call) {
        RequestOverrideConfiguration overrides = call.effectiveOverrides;
        call.body = marshal(call);
        HttpUrl target = call.operation.plain() ? endpoint.url() : target(call);
        boolean shaped = call.intercepted != null || !defaultHeaders.isEmpty() || call.compressed
                || overrides != null && (!overrides.headers().isEmpty() || !overrides.rawQueryParameters().isEmpty());
        if (!shaped) {
            call.unsigned = target == endpoint.url() ? unsignedRequest(call.name())
                    : SigV4RequestSigner.unsignedPost(target, protocolHeaders(call.name()));
            call.url = target;
            if (call.metrics != null) {
                call.metrics.requestBytes(call.body.length);
            }
            return;
        }
        HttpRequest http = httpRequest(call, target, overrides);
        if (call.intercepted != null) {
            http = call.intercepted.modifyHttpRequest(http);
            call.body = http.body().asByteArrayUnsafe();
        }
        call.httpRequest = http;
        call.unsigned = SigV4RequestSigner.unsigned(http);
        call.url = url(http);
        call.userAgentSet = http.headers().containsKey("User-Agent");
        if (call.metrics != null) {
            call.metrics.requestBytes(call.body.length);
        }
    }

    /** The body, compressed when the operation accepts it and it is large enough (before signing). */
    private <Q> byte[] marshal(CallExecution<Q, ?> call) {
        byte[] body = requestBodyWriter.write(call.name(), call.operation.requestWriter(), call.request);
        call.compressed = call.operation.requestCompression() && compresses(call.effectiveOverrides, body.length);
        return call.compressed ? RequestCompression.gzip(call.name(), body) : body;
    }

    /** Whether a body of {@code length} bytes is compressed: the request's settings, each unset one the client's. */
    private boolean compresses(RequestOverrideConfiguration overrides, int length) {
        Optional<CompressionConfiguration> own = overrides == null ? Optional.empty() : overrides.compressionConfiguration();
        return own.flatMap(CompressionConfiguration::requestCompressionEnabled).orElse(requestCompressionEnabled)
                && length >= own.flatMap(CompressionConfiguration::minimumCompressionThresholdInBytes)
                        .orElse(minimumCompressionThresholdInBytes);
    }

    /** Where a call of an operation with a host prefix or endpoint discovery goes. */
    private <Q> HttpUrl target(CallExecution<Q, ?> call) {
        HttpUrl base = call.endpointUrl != null ? call.endpointUrl : endpoint.url();
        HostPrefix<? super Q> prefix = call.operation.hostPrefix();
        if (prefix == null || hostPrefixInjectionDisabled) {
            return base;
        }
        return base.newBuilder().host(resolvePrefix(prefix, call) + base.host()).build();
    }

    private static <Q, T extends Q> String resolvePrefix(HostPrefix<Q> prefix, CallExecution<T, ?> call) {
        return prefix.resolve(call.name(), call.request);
    }

    /** The headers the protocol sets on every request of {@code operationName}. */
    private Map<String, String> protocolHeaders(String operationName) {
        String target = metadata.targetPrefix() + "." + operationName;
        return metadata.awsQueryCompatible()
                ? Map.of("Content-Type", metadata.contentType(), "X-Amz-Target", target, ServiceMetadata.QUERY_MODE_HEADER, "true")
                : Map.of("Content-Type", metadata.contentType(), "X-Amz-Target", target);
    }

    /** The HTTP request of a call that adds headers or query parameters, compresses, or that interceptors may change. */
    private HttpRequest httpRequest(CallExecution<?, ?> call, HttpUrl url, RequestOverrideConfiguration overrides) {
        HttpRequest.Builder http = HttpRequest.builder("POST", url.scheme(), url.host(), url.port())
                .encodedPath(url.encodedPath())
                .body(Bytes.fromByteArrayUnsafe(call.body));
        defaultHeaders.forEach(http::putHeader);
        if (overrides != null) {
            overrides.headers().forEach(http::putHeader);
            overrides.rawQueryParameters().forEach(http::putRawQueryParameter);
        }
        if (call.compressed) {
            http.appendHeader("Content-Encoding", RequestCompression.GZIP);
        }
        protocolHeaders(call.name()).forEach(http::putHeader);
        return http.build();
    }

    private static HttpUrl url(HttpRequest http) {
        HttpUrl.Builder url = new HttpUrl.Builder()
                .scheme(http.protocol())
                .host(http.host())
                .port(http.port())
                .encodedPath(http.encodedPath());
        http.rawQueryParameters().forEach((name, values) -> values.forEach(value -> url.addQueryParameter(name, value)));
        return url.build();
    }

    // ---- 3. the attempts: sign, send, read ----

    <R> R attempt(CallExecution<?, R> call, AttemptContext context) {
        call.attemptStarted();
        Call httpCall = newCall(call, context);
        try (Response response = httpCall.execute()) {
            R value = read(call, response);
            call.attemptSucceeded(context);
            return value;
        } catch (IOException e) {
            throw transportFailure(call, e);
        }
    }

    <R> CompletableFuture<R> attemptAsync(CallExecution<?, R> call, AttemptContext context) {
        call.attemptStarted();
        Call httpCall = newCall(call, context);
        CompletableFuture<R> result = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                httpCall.cancel();
            }
        });
        httpCall.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    R value = read(call, response);
                    call.attemptSucceeded(context);
                    result.complete(value);
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(transportFailure(call, e));
            }
        });
        return result;
    }

    private Call newCall(CallExecution<?, ?> call, AttemptContext context) {
        Call httpCall = httpClient.newCall(sign(call, context.attemptNumber()));
        Duration remaining = context.remainingTime().orElse(null);
        Duration limit = call.attemptTimeout == null || call.attemptTimeout.isZero() ? remaining
                : remaining == null || call.attemptTimeout.compareTo(remaining) < 0 ? call.attemptTimeout : remaining;
        if (limit != null) {
            limit(httpCall, limit);
        }
        return httpCall;
    }

    // Signed afresh for every attempt: signatures expire, and temporary credentials rotate. An operation without
    // authentication is sent as it is, and resolves no credentials: a client without any can call it.
    private Request sign(CallExecution<?, ?> call, int attemptNumber) {
        SdkHttpRequest signed = call.operation.unsigned() ? call.unsigned
                : signer.sign(call.unsigned, call.body, CredentialsResolution.resolve(call.credentialsProvider));
        // Every signed header exactly as signed, Host included: OkHttp only adds its own Host when there is none,
        // and this one is the value the signature covers. The body has no media type, so OkHttp does not write a
        // Content-Type of its own over the signed one either.
        Request.Builder request = new Request.Builder()
                .url(call.url)
                .post(RequestBody.create(call.body, (MediaType) null));
        signed.forEachHeader((name, values) -> {
            for (String value : values) {
                request.addHeader(name, value);
            }
        });
        // Left unsigned, as AWS SDKs do: proxies may rewrite them. Identity encoding keeps OkHttp from asking for
        // gzip and decompressing transparently, which would make x-amz-crc32 checks see different bytes. Added,
        // not set: the signer never produces either of them.
        if (!call.userAgentSet) {
            request.addHeader("User-Agent", userAgent);
        }
        request.addHeader("Accept-Encoding", "identity");
        if (call.intercepted != null) {
            call.intercepted.beforeTransmission(signedView(call.httpRequest, signed), attemptNumber);
        }
        return request.build();
    }

    /** The signed request as interceptors see it: what they returned, with the signing headers added. */
    private static HttpRequest signedView(HttpRequest unsigned, SdkHttpRequest signed) {
        HttpRequest.Builder view = unsigned.toBuilder();
        signed.forEachHeader(view::putHeader);
        return view.build();
    }

    private <R> R read(CallExecution<?, R> call, Response response) {
        if (call.intercepted != null) {
            call.intercepted.afterTransmission(new HttpResponse(response.code(), response.headers()));
        }
        if (call.observed) {
            call.lastStatus = response.code();
            call.lastRequestId = response.header("x-amzn-RequestId");
            call.lastResponseBytes = response.body().contentLength();
        }
        if (response.isSuccessful()) {
            R value = successResponseReader.read(call.name(), response, call.operation.responseReader());
            OperationDescriptor.ResponseMetadataAttacher<R> attacher = call.operation.responseMetadata();
            return attacher == null || value == null ? value
                    : attacher.attach(value, new ResponseMetadata(response.code(), response.headers()));
        }
        throw errorResponseReader.read(call.name(), response, errorMapper);
    }

    private SdkClientException transportFailure(CallExecution<?, ?> call, IOException e) {
        return new SdkClientException("Unable to execute the " + call.name() + " request to " + call.url + ": " + e, e);
    }

    /** Keeps the attempt within {@code remaining}, and within a shared client's own call timeout. */
    private void limit(Call call, Duration remaining) {
        long millis = Math.max(1, remaining.toMillis());
        if (httpClient.callTimeoutMillis() > 0) {
            millis = Math.min(millis, httpClient.callTimeoutMillis());
        }
        call.timeout().timeout(millis, TimeUnit.MILLISECONDS);
    }

    // ---- 4. complete: response or failure, metrics, log ----

    private <R> R complete(CallExecution<?, R> call, R response) {
        R result = response;
        if (call.intercepted != null) {
            @SuppressWarnings("unchecked") // InterceptedCall checks the modified response is of the response's class.
            R modified = (R) call.intercepted.completed(response);
            result = modified;
        }
        if (call.metrics != null) {
            publish(call, call.metrics.finish(metadata.serviceId(), call.name(), call.startNanos, null));
        }
        if (CallLog.debug()) {
            CallLog.succeeded(metadata.serviceId(), call.name(), call.attempts, call.lastStatus, call.startNanos,
                    call.lastRequestId);
        }
        return result;
    }

    private RuntimeException fail(CallExecution<?, ?> call, RuntimeException failure) {
        if (call.endpointUrl != null && EndpointDiscoverer.saysEndpointInvalid(failure)) {
            forgetEndpoint(call);
        }
        if (call.intercepted != null) {
            call.intercepted.failed(failure);
        }
        if (call.metrics != null) {
            publish(call, call.metrics.finish(metadata.serviceId(), call.name(), call.startNanos, failure));
        }
        CallLog.failed(metadata.serviceId(), call.name(), call.attempts, call.startNanos, failure);
        return failure;
    }

    private void publish(CallExecution<?, ?> call, CallMetrics record) {
        if (call.requestPublishers.isEmpty()) {
            metrics.dispatch(record);
        } else {
            metrics.dispatch(record, call.requestPublishers);
        }
    }

    String serviceId() {
        return metadata.serviceId();
    }

    /** Releases the connections and threads of the HTTP client this invoker created and delivers queued metrics. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            if (ownsHttpClient) {
                OkHttpClients.release(httpClient);
            }
            metrics.close();
        }
    }

    @Override
    public String toString() {
        return "AwsJsonProtocolInvoker(service=" + metadata.serviceId() + ", endpoint=" + endpoint.url() + ")";
    }

    /**
     * The request to sign for {@code operationName}: the endpoint, {@code Content-Type} and {@code X-Amz-Target},
     * none of which change between calls, built once per operation. The operations are the few a generated client
     * has; past {@link #MAX_CACHED_OPERATIONS} names the request is built for each call instead of remembered.
     */
    private SdkHttpRequest unsignedRequest(String operationName) {
        SdkHttpRequest request = unsignedRequests.get(operationName);
        if (request == null) {
            request = SigV4RequestSigner.unsignedPost(endpoint.url(), protocolHeaders(operationName));
            if (unsignedRequests.size() < MAX_CACHED_OPERATIONS) {
                unsignedRequests.putIfAbsent(operationName, request);
            }
        }
        return request;
    }
}
