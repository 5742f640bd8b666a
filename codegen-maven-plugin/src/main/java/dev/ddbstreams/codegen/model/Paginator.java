package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * How an operation's results are paged, from {@code paginators-1.json}.
 *
 * @param operationName the paginated operation
 * @param inputToken the request member that carries the token, e.g. {@code ExclusiveStartShardId}
 * @param outputToken the path of the token in the response, e.g. {@code [StreamDescription, LastEvaluatedShardId]}
 * @param resultKey the path of the items in the response, or empty when the model names none
 * @param limitKey the request member that limits the page size, or null
 * @param location where it was defined
 */
public record Paginator(
        String operationName,
        String inputToken,
        List<String> outputToken,
        List<String> resultKey,
        String limitKey,
        SourceLocation location) {

    public Paginator {
        outputToken = List.copyOf(outputToken);
        resultKey = List.copyOf(resultKey);
    }
}
