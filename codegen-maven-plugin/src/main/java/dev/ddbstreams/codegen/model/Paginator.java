package dev.ddbstreams.codegen.model;

import java.util.List;

/**
 * How an operation's results are paged, as botocore's {@code paginators-1.json} states it (or Smithy's
 * {@code @paginated}). Every path is a JMESPath expression on the response ({@code StreamDescription.LastEvaluatedShardId},
 * {@code StreamDescription.Shards[-1].ShardId}, {@code NextMarker || Contents[-1].Key}), compiled at generation time.
 *
 * @param operationName the paginated operation
 * @param inputTokens the request members that carry the tokens, paired in order with {@code outputTokens}
 * @param outputTokens where each token is in the response
 * @param resultKeys what the pages hold: each gets an items view (a list's elements, a map's entries, or the value)
 * @param moreResults where the response says whether there are more pages, or null when only the tokens say
 * @param nonAggregateKeys values that are the same on every page (documented, not flattened)
 * @param limitKey the request member that limits the page size, or null
 * @param location where it was defined
 */
public record Paginator(
        String operationName,
        List<String> inputTokens,
        List<String> outputTokens,
        List<String> resultKeys,
        String moreResults,
        List<String> nonAggregateKeys,
        String limitKey,
        SourceLocation location) {

    public Paginator {
        inputTokens = List.copyOf(inputTokens);
        outputTokens = List.copyOf(outputTokens);
        resultKeys = List.copyOf(resultKeys);
        nonAggregateKeys = List.copyOf(nonAggregateKeys);
    }
}
