package dev.ddbstreams.runtime.http;

import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the invoker needs to know about one operation of a service: its name, how to write its request and how to
 * read its response, and the per-operation facts of the model that change how a request is sent. A generated client
 * holds one constant per operation and passes it, with the request, to {@link AwsJsonProtocolInvoker#invoke}.
 * Immutable: each {@code with...} method returns a copy.
 *
 * <p>Each fact is read by one step of the invoker's pipeline (see {@link AwsJsonProtocolInvoker}):
 * <ul>
 *   <li>{@link #withHostPrefix}: the model's {@code endpoint.hostPrefix}, prepended to the endpoint's host when the
 *       HTTP request is built, its labels filled from the request;
 *   <li>{@link #withRequestCompression()}: the model's {@code requestcompression}: the body is gzip-compressed,
 *       before signing, when it is large enough;
 *   <li>{@link #withoutSigning()}: the operation needs no authentication ({@code authtype: none}): it is sent
 *       unsigned and resolves no credentials;
 *   <li>{@link #withEndpointDiscovery}: the model's {@code endpointdiscovery}: the request goes to an endpoint the
 *       service's discovery operation names;
 *   <li>{@link #withResponseMetadata}: how the request id, status and headers get into the response object.
 * </ul>
 * An operation with none of the first four is sent the plain way, which costs nothing for them.
 *
 * @param <Q> the modeled request type ({@link Void} for an operation without input)
 * @param <R> the modeled response type ({@link Void} for an operation without output)
 */
public final class OperationDescriptor<Q, R> {

    /**
     * Gives a response object the metadata of the HTTP response it was read from; generated code passes
     * {@code (response, metadata) -> response.toBuilder().responseMetadata(metadata).build()}.
     *
     * @param <R> the response type
     */
    @FunctionalInterface
    public interface ResponseMetadataAttacher<R> {
        /** {@code response} carrying {@code metadata}. */
        R attach(R response, ResponseMetadata metadata);
    }

    private final String name;
    private final RequestWriter<? super Q> requestWriter;
    private final ResponseUnmarshaller<R> responseReader;
    private final HostPrefix<? super Q> hostPrefix;
    private final boolean requestCompression;
    private final boolean unsigned;
    private final EndpointDiscoveryRoute<? super Q> endpointDiscovery;
    private final ResponseMetadataAttacher<R> responseMetadata;
    private final boolean plain;

    private OperationDescriptor(String name, RequestWriter<? super Q> requestWriter, ResponseUnmarshaller<R> responseReader,
                                HostPrefix<? super Q> hostPrefix, boolean requestCompression, boolean unsigned,
                                EndpointDiscoveryRoute<? super Q> endpointDiscovery, ResponseMetadataAttacher<R> responseMetadata) {
        this.name = Objects.requireNonNull(name, "name");
        this.requestWriter = Objects.requireNonNull(requestWriter, "requestWriter");
        this.responseReader = Objects.requireNonNull(responseReader, "responseReader");
        this.hostPrefix = hostPrefix;
        this.requestCompression = requestCompression;
        this.unsigned = unsigned;
        this.endpointDiscovery = endpointDiscovery;
        this.responseMetadata = responseMetadata;
        this.plain = hostPrefix == null && !requestCompression && !unsigned && endpointDiscovery == null;
    }

    /**
     * @param name the operation's name in the model, such as {@code GetRecords} (it goes into {@code X-Amz-Target})
     * @param requestWriter writes a request as the body's JSON object
     * @param responseReader reads a successful response's body
     */
    public static <Q, R> OperationDescriptor<Q, R> of(String name, RequestWriter<? super Q> requestWriter,
                                                      ResponseUnmarshaller<R> responseReader) {
        return new OperationDescriptor<>(name, requestWriter, responseReader, null, false, false, null, null);
    }

    /** This operation with the model's {@code endpoint.hostPrefix}. */
    public OperationDescriptor<Q, R> withHostPrefix(HostPrefix<? super Q> prefix) {
        return new OperationDescriptor<>(name, requestWriter, responseReader, Objects.requireNonNull(prefix, "prefix"),
                requestCompression, unsigned, endpointDiscovery, responseMetadata);
    }

    /** This operation with gzip request compression ({@code requestcompression} lists {@code gzip}). */
    public OperationDescriptor<Q, R> withRequestCompression() {
        return new OperationDescriptor<>(name, requestWriter, responseReader, hostPrefix, true, unsigned, endpointDiscovery,
                responseMetadata);
    }

    /** This operation sent unsigned, without credentials ({@code authtype: none}). */
    public OperationDescriptor<Q, R> withoutSigning() {
        return new OperationDescriptor<>(name, requestWriter, responseReader, hostPrefix, requestCompression, true,
                endpointDiscovery, responseMetadata);
    }

    /**
     * This operation sent to a discovered endpoint.
     *
     * @param required whether discovery is required ({@code endpointdiscovery.required}); otherwise it is used only
     *     when the client enables endpoint discovery
     * @param discovery the service's discovery operation
     * @param identifiers the request's values of the members that identify the discovered endpoint
     *     ({@code endpointdiscoveryid}), by wire name; generated code passes {@code request -> Map.of()} when none do
     */
    public OperationDescriptor<Q, R> withEndpointDiscovery(boolean required, EndpointDiscoveryOperation<?, ?> discovery,
                                                           Function<? super Q, Map<String, String>> identifiers) {
        return new OperationDescriptor<>(name, requestWriter, responseReader, hostPrefix, requestCompression, unsigned,
                new EndpointDiscoveryRoute<>(required, discovery, identifiers), responseMetadata);
    }

    /** This operation's responses carrying their {@link ResponseMetadata}, given to them by {@code attacher}. */
    public OperationDescriptor<Q, R> withResponseMetadata(ResponseMetadataAttacher<R> attacher) {
        return new OperationDescriptor<>(name, requestWriter, responseReader, hostPrefix, requestCompression, unsigned,
                endpointDiscovery, Objects.requireNonNull(attacher, "attacher"));
    }

    /** The operation's name in the model. */
    public String name() {
        return name;
    }

    /** Writes a request's body. */
    public RequestWriter<? super Q> requestWriter() {
        return requestWriter;
    }

    /** Reads a successful response's body. */
    public ResponseUnmarshaller<R> responseReader() {
        return responseReader;
    }

    /** Whether requests are sent unsigned, without credentials. */
    public boolean unsigned() {
        return unsigned;
    }

    HostPrefix<? super Q> hostPrefix() {
        return hostPrefix;
    }

    boolean requestCompression() {
        return requestCompression;
    }

    EndpointDiscoveryRoute<? super Q> endpointDiscovery() {
        return endpointDiscovery;
    }

    ResponseMetadataAttacher<R> responseMetadata() {
        return responseMetadata;
    }

    /** Whether none of host prefix, compression, unsigned sending and endpoint discovery applies. */
    boolean plain() {
        return plain;
    }

    @Override
    public String toString() {
        return "OperationDescriptor(" + name + ")";
    }

    /** How an operation takes part in endpoint discovery. */
    record EndpointDiscoveryRoute<Q>(boolean required, EndpointDiscoveryOperation<?, ?> discovery,
                                     Function<? super Q, Map<String, String>> identifiers) {
        EndpointDiscoveryRoute {
            Objects.requireNonNull(discovery, "discovery");
            Objects.requireNonNull(identifiers, "identifiers");
        }
    }
}
