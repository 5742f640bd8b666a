package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.endpoint.DiscoveredEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A service's endpoint-discovery operation ({@code DescribeEndpoints}: C2J {@code "endpointoperation": true}, the
 * operation Smithy's {@code @aws.api#clientEndpointDiscovery} names): how to ask it, and how to read the endpoints
 * from its answer. A generated client holds one and names it in the descriptor of every operation that uses
 * discovery ({@link OperationDescriptor#withEndpointDiscovery}). Immutable.
 *
 * @param <D> the discovery operation's request type
 * @param <E> its response type
 */
public final class EndpointDiscoveryOperation<D, E> {

    private final OperationDescriptor<D, E> operation;
    private final BiFunction<String, Map<String, String>, D> request;
    private final Function<E, List<DiscoveredEndpoint>> endpoints;

    private EndpointDiscoveryOperation(OperationDescriptor<D, E> operation, BiFunction<String, Map<String, String>, D> request,
                                       Function<E, List<DiscoveredEndpoint>> endpoints) {
        this.operation = Objects.requireNonNull(operation, "operation");
        this.request = Objects.requireNonNull(request, "request");
        this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
    }

    /**
     * @param operation the discovery operation itself
     * @param request its request for a call of the operation named by the first argument, with the identifiers of the
     *     second (empty when the operation's input names none); the request's {@code Operation} and
     *     {@code Identifiers} members, where the model has them
     * @param endpoints the endpoints of a response ({@code Endpoints}, each {@code Address} and
     *     {@code CachePeriodInMinutes}, through {@link DiscoveredEndpoint#of})
     */
    public static <D, E> EndpointDiscoveryOperation<D, E> of(OperationDescriptor<D, E> operation,
                                                             BiFunction<String, Map<String, String>, D> request,
                                                             Function<E, List<DiscoveredEndpoint>> endpoints) {
        return new EndpointDiscoveryOperation<>(operation, request, endpoints);
    }

    /**
     * The identifiers of a request: names and values in turn ({@code "TableName", request.tableName()}), those whose
     * value is null left out. Generated code passes its result to {@link OperationDescriptor#withEndpointDiscovery}.
     *
     * @throws IllegalArgumentException when the arguments are not pairs
     */
    public static Map<String, String> identifiers(String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("identifiers are names and values in turn");
        }
        Map<String, String> identifiers = new java.util.TreeMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                identifiers.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return java.util.Collections.unmodifiableMap(identifiers);
    }

    /** The discovery operation. */
    public OperationDescriptor<D, E> operation() {
        return operation;
    }

    D request(String operationName, Map<String, String> identifiers) {
        return request.apply(operationName, identifiers);
    }

    List<DiscoveredEndpoint> endpoints(E response) {
        return endpoints.apply(response);
    }

    @Override
    public String toString() {
        return "EndpointDiscoveryOperation(" + operation.name() + ")";
    }
}
