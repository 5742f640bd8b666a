package dev.ddbstreams.codegen.model;

import java.util.List;
import java.util.Objects;

/**
 * An operation of the service.
 *
 * @param name the operation name in the model, e.g. {@code GetRecords}
 * @param methodName the Java client method, e.g. {@code getRecords}
 * @param inputShape the input structure's name, or null when it takes none
 * @param outputShape the output structure's name, or null when it returns none
 * @param errors the names of the error shapes it may raise, in model order
 * @param deprecated whether the model marks it deprecated
 * @param documentation the operation's documentation
 * @param location where it was defined
 * @param routing where and how its requests are sent, when that differs from the service's default
 */
public record Operation(
        String name,
        String methodName,
        String inputShape,
        String outputShape,
        List<String> errors,
        boolean deprecated,
        String documentation,
        SourceLocation location,
        Routing routing) {

    public Operation {
        errors = List.copyOf(errors);
        Objects.requireNonNull(routing, "routing");
    }

    /** An operation sent as the service's operations are by default: signed, uncompressed, to the service's endpoint. */
    public Operation(
            String name, String methodName, String inputShape, String outputShape, List<String> errors, boolean deprecated,
            String documentation, SourceLocation location) {
        this(name, methodName, inputShape, outputShape, errors, deprecated, documentation, location, Routing.DEFAULT);
    }

    /** The same operation with other input and output shapes. */
    public Operation withShapes(String newInputShape, String newOutputShape) {
        return new Operation(name, methodName, newInputShape, newOutputShape, errors, deprecated, documentation, location, routing);
    }

    /** Whether an endpoint-discovery operation needs discovery: not at all, when enabled, or always. */
    public enum Discovery {
        /** Sent to the client's endpoint. */
        NONE,
        /** C2J {@code "endpointdiscovery": {}}: sent to a discovered endpoint when the client enables discovery. */
        OPTIONAL,
        /** C2J {@code "endpointdiscovery": {"required": true}}: always sent to a discovered endpoint. */
        REQUIRED
    }

    /**
     * The operation traits that change where and how a request is sent (each handled by one step of the runtime's
     * request path).
     *
     * @param hostPrefix the {@code endpoint.hostPrefix} template, such as {@code data-{NamespaceName}.}, whose labels
     *     name members of the input; null when the operation has none
     * @param requestCompression whether the request body may be gzip-compressed ({@code requestcompression} with
     *     {@code gzip} among its encodings)
     * @param unsigned whether the operation needs no authentication and is sent unsigned (C2J {@code authtype: none}
     *     or {@code auth: [smithy.api#noAuth]}; Smithy {@code @optionalAuth} or {@code @auth([])})
     * @param discovery whether the operation is sent to a discovered endpoint
     * @param discoveryOperation whether this is the service's endpoint-discovery operation (C2J
     *     {@code endpointoperation}, the operation Smithy's {@code @aws.api#clientEndpointDiscovery} names)
     */
    public record Routing(String hostPrefix, boolean requestCompression, boolean unsigned, Discovery discovery,
                          boolean discoveryOperation) {

        /** Nothing special: signed, uncompressed, to the client's endpoint. */
        public static final Routing DEFAULT = new Routing(null, false, false, Discovery.NONE, false);

        public Routing {
            Objects.requireNonNull(discovery, "discovery");
        }
    }
}
