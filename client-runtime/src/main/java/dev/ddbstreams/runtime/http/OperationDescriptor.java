package dev.ddbstreams.runtime.http;

import java.util.Objects;

/**
 * What the invoker needs to know about one operation of a service: its name, how to write its request and how to
 * read its response. A generated client holds one constant per operation and passes it, with the request, to
 * {@link AwsJsonProtocolInvoker#invoke}. Immutable.
 *
 * <p>This is where per-operation facts of the model go as the invoker learns to use them: the
 * {@code endpoint.hostPrefix} host labels, request compression, an operation that is not signed
 * ({@code authtype: none}), endpoint discovery. Each becomes a field here, set by the generator, and a step of the
 * invoker's pipeline that reads it (see {@link AwsJsonProtocolInvoker}).
 *
 * @param <Q> the modeled request type ({@link Void} for an operation without input)
 * @param <R> the modeled response type ({@link Void} for an operation without output)
 */
public final class OperationDescriptor<Q, R> {

    private final String name;
    private final RequestWriter<? super Q> requestWriter;
    private final ResponseUnmarshaller<R> responseReader;

    private OperationDescriptor(String name, RequestWriter<? super Q> requestWriter, ResponseUnmarshaller<R> responseReader) {
        this.name = Objects.requireNonNull(name, "name");
        this.requestWriter = Objects.requireNonNull(requestWriter, "requestWriter");
        this.responseReader = Objects.requireNonNull(responseReader, "responseReader");
    }

    /**
     * @param name the operation's name in the model, such as {@code GetRecords} (it goes into {@code X-Amz-Target})
     * @param requestWriter writes a request as the body's JSON object
     * @param responseReader reads a successful response's body
     */
    public static <Q, R> OperationDescriptor<Q, R> of(String name, RequestWriter<? super Q> requestWriter,
                                                      ResponseUnmarshaller<R> responseReader) {
        return new OperationDescriptor<>(name, requestWriter, responseReader);
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

    @Override
    public String toString() {
        return "OperationDescriptor(" + name + ")";
    }
}
