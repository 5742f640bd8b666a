package dev.ddbstreams.runtime.paginate;

import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How one walk through the pages goes from a page to the request of the next: the rule both {@link Pages} and
 * {@link AsyncPages} follow. A null token ends the walk (generated code returns null for an absent or empty token,
 * or when the model's {@code more_results} says there are no more); a token the service already sent in this walk
 * fails it with a {@link PaginationException}, since following it would never end.
 *
 * @param <Q> the request type
 * @param <R> the response type
 * @param <T> the token type (a string, a map such as DynamoDB's {@code LastEvaluatedKey}, or a record of several)
 */
final class PageTrail<Q, R, T> {

    private final String operationName;
    private final Q firstRequest;
    private final Function<? super R, ? extends T> nextToken;
    private final BiFunction<? super Q, ? super T, ? extends Q> withToken;
    private final Set<T> seenTokens = new HashSet<>();

    PageTrail(String operationName, Q firstRequest, Function<? super R, ? extends T> nextToken,
              BiFunction<? super Q, ? super T, ? extends Q> withToken) {
        this.operationName = operationName;
        this.firstRequest = firstRequest;
        this.nextToken = nextToken;
        this.withToken = withToken;
    }

    /**
     * The request of the page after {@code page}, or null when {@code page} is the last.
     *
     * @throws PaginationException when the page repeats a token of this walk
     */
    Q after(R page) {
        Objects.requireNonNull(page, () -> operationName + " returned no response for a page");
        T token = nextToken.apply(page);
        if (token == null) {
            return null;
        }
        if (!seenTokens.add(token)) {
            throw PaginationException.repeatedToken(operationName, token);
        }
        return Objects.requireNonNull(withToken.apply(firstRequest, token), "withToken");
    }
}
