package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.SdkException;
import dev.ddbstreams.runtime.retry.AttemptContext;
import dev.ddbstreams.runtime.retry.RetryExecutor;
import dev.ddbstreams.runtime.retry.RetryStrategy;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import software.amazon.awssdk.http.SdkHttpRequest;

/**
 * Calls operations of an awsJson 1.0 service: a signed {@code POST /} per attempt, the operation named in
 * {@code X-Amz-Target}, request and response bodies in JSON.
 *
 * <p>Failed attempts are retried as the settings' {@link dev.ddbstreams.runtime.retry.RetryPolicy} allows, with
 * this invoker's own retry token bucket; every attempt resolves credentials and is signed afresh, and all attempts
 * together stay within the call timeout.
 *
 * <p>A generated client holds one invoker and calls {@link #invoke} from each operation method. An invoker is safe
 * to use from several threads. {@link #close()} releases the HTTP client it created, but never an application's
 * client passed in through {@link ClientSettings.Builder#httpClient}.
 *
 * <p>Everything a call throws is an {@link SdkException}: the service's errors as the exceptions the
 * {@link ErrorMapper} chooses, everything else as {@link SdkClientException}.
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
    private final AtomicBoolean closed = new AtomicBoolean();
    private final ConcurrentMap<String, SdkHttpRequest> unsignedRequests = new ConcurrentHashMap<>();

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
        this.retries = new RetryExecutor(RetryStrategy.create(settings.retryPolicy()), settings.clock(),
                settings.callTimeout().orElse(ClientSettings.DEFAULT_CALL_TIMEOUT));
    }

    /**
     * Calls {@code operationName}: writes the request with {@code marshaller}, signs and sends it, and reads a
     * successful response with {@code unmarshaller}.
     *
     * @throws dev.ddbstreams.runtime.exception.AwsServiceException when the service answers with an error that is
     *     not retried, or still after the last attempt
     * @throws dev.ddbstreams.runtime.exception.ApiCallTimeoutException when the call timeout runs out
     * @throws SdkClientException when the call cannot be completed or its response cannot be read
     */
    public <T> T invoke(String operationName, RequestMarshaller marshaller, ResponseUnmarshaller<T> unmarshaller) {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(marshaller, "marshaller");
        Objects.requireNonNull(unmarshaller, "unmarshaller");
        if (closed.get()) {
            throw new SdkClientException("This " + metadata.serviceId() + " client has been closed");
        }
        byte[] body = requestBodyWriter.write(operationName, marshaller);
        return retries.execute(operationName, attempt -> attempt(operationName, body, unmarshaller, attempt));
    }

    /**
     * Calls {@code operationName} without blocking: the same request, signing, retries and error mapping as
     * {@link #invoke}, on OkHttp's asynchronous calls. The future fails with the exception {@link #invoke} would
     * throw; cancelling it cancels the HTTP call in flight and any retry not yet started.
     */
    public <T> CompletableFuture<T> invokeAsync(String operationName, RequestMarshaller marshaller, ResponseUnmarshaller<T> unmarshaller) {
        Objects.requireNonNull(operationName, "operationName");
        Objects.requireNonNull(marshaller, "marshaller");
        Objects.requireNonNull(unmarshaller, "unmarshaller");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new SdkClientException("This " + metadata.serviceId() + " client has been closed"));
        }
        byte[] body;
        try {
            body = requestBodyWriter.write(operationName, marshaller);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        return retries.executeAsync(operationName, attempt -> attemptAsync(operationName, body, unmarshaller, attempt), RetryScheduler.get());
    }

    private <T> CompletableFuture<T> attemptAsync(String operationName, byte[] body, ResponseUnmarshaller<T> unmarshaller,
                                                  AttemptContext attempt) {
        Call call = httpClient.newCall(signedRequest(operationName, body));
        attempt.remainingTime().ifPresent(remaining -> limit(call, remaining));
        CompletableFuture<T> result = new CompletableFuture<>();
        result.whenComplete((value, failure) -> {
            if (result.isCancelled()) {
                call.cancel();
            }
        });
        call.enqueue(new Callback() {
            @Override
            public void onResponse(Call c, Response response) {
                try (response) {
                    result.complete(handle(operationName, response, unmarshaller));
                } catch (RuntimeException e) {
                    result.completeExceptionally(e);
                }
            }

            @Override
            public void onFailure(Call c, IOException e) {
                result.completeExceptionally(transportFailure(operationName, e));
            }
        });
        return result;
    }

    private <T> T handle(String operationName, Response response, ResponseUnmarshaller<T> unmarshaller) {
        if (response.isSuccessful()) {
            return successResponseReader.read(operationName, response, unmarshaller);
        }
        throw errorResponseReader.read(operationName, response, errorMapper);
    }

    private SdkClientException transportFailure(String operationName, IOException e) {
        return new SdkClientException("Unable to execute the " + operationName + " request to " + endpoint.url() + ": " + e, e);
    }

    private <T> T attempt(String operationName, byte[] body, ResponseUnmarshaller<T> unmarshaller,
                          AttemptContext attempt) {
        Call call = httpClient.newCall(signedRequest(operationName, body));
        attempt.remainingTime().ifPresent(remaining -> limit(call, remaining));
        try (Response response = call.execute()) {
            return handle(operationName, response, unmarshaller);
        } catch (IOException e) {
            throw transportFailure(operationName, e);
        }
    }

    /** Keeps the attempt within what is left of the call timeout, and within a shared client's own call timeout. */
    private void limit(Call call, Duration remaining) {
        long millis = Math.max(1, remaining.toMillis());
        if (httpClient.callTimeoutMillis() > 0) {
            millis = Math.min(millis, httpClient.callTimeoutMillis());
        }
        call.timeout().timeout(millis, TimeUnit.MILLISECONDS);
    }

    /** Releases the connections and threads of the HTTP client this invoker created; later calls fail. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsHttpClient) {
            OkHttpClients.release(httpClient);
        }
    }

    @Override
    public String toString() {
        return "AwsJsonProtocolInvoker(service=" + metadata.serviceId() + ", endpoint=" + endpoint.url() + ")";
    }

    // Signed afresh for every attempt: signatures expire, and temporary credentials rotate.
    private Request signedRequest(String operationName, byte[] body) {
        SdkHttpRequest signed = signer.sign(unsignedRequest(operationName), body,
                CredentialsResolution.resolve(credentialsProvider));
        // Every signed header exactly as signed, Host included: OkHttp only adds its own Host when there is none,
        // and this one is the value the signature covers. The body has no media type, so OkHttp does not write a
        // Content-Type of its own over the signed one either.
        Request.Builder request = new Request.Builder()
                .url(endpoint.url())
                .post(RequestBody.create(body, (MediaType) null));
        signed.forEachHeader((name, values) -> {
            for (String value : values) {
                request.addHeader(name, value);
            }
        });
        // Left unsigned, as AWS SDKs do: proxies may rewrite them. Identity encoding keeps OkHttp from asking for
        // gzip and decompressing transparently, which would make x-amz-crc32 checks see different bytes. Added,
        // not set: the signer never produces either of them.
        return request
                .addHeader("User-Agent", userAgent)
                .addHeader("Accept-Encoding", "identity")
                .build();
    }

    /**
     * The request to sign for {@code operationName}: the endpoint, {@code Content-Type} and {@code X-Amz-Target},
     * none of which change between calls, built once per operation. The operations are the few a generated client
     * has; past {@link #MAX_CACHED_OPERATIONS} names the request is built for each call instead of remembered.
     */
    private SdkHttpRequest unsignedRequest(String operationName) {
        SdkHttpRequest request = unsignedRequests.get(operationName);
        if (request == null) {
            request = SigV4RequestSigner.unsignedPost(endpoint.url(), Map.of(
                    "Content-Type", metadata.contentType(),
                    "X-Amz-Target", metadata.targetPrefix() + "." + operationName));
            if (unsignedRequests.size() < MAX_CACHED_OPERATIONS) {
                unsignedRequests.putIfAbsent(operationName, request);
            }
        }
        return request;
    }
}
