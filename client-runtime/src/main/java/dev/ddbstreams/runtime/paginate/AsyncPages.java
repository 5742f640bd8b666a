package dev.ddbstreams.runtime.paginate;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The pages of a paginated operation for an asynchronous client: {@link #forEach} requests the first page, hands
 * it to the consumer, and only then requests the next, so pages are fetched as lazily as the synchronous
 * {@link Pages} and never faster than the consumer takes them. The same end and loop rules apply: an absent or
 * empty token ends pagination, a repeated one fails it with a {@link PaginationException}.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class AsyncPages<Q, R> {

    private final String operationName;
    private final Q firstRequest;
    private final Function<Q, CompletableFuture<R>> call;
    private final Function<R, String> nextToken;
    private final BiFunction<Q, String, Q> withToken;

    public AsyncPages(String operationName, Q firstRequest, Function<Q, CompletableFuture<R>> call,
                      Function<R, String> nextToken, BiFunction<Q, String, Q> withToken) {
        this.operationName = Objects.requireNonNull(operationName, "operationName");
        this.firstRequest = Objects.requireNonNull(firstRequest, "request");
        this.call = Objects.requireNonNull(call, "call");
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.withToken = Objects.requireNonNull(withToken, "withToken");
    }

    /**
     * Fetches every page in order and gives each to {@code consumer}. The future completes when the last page has
     * been consumed, or fails with the first failure (of a call or of the consumer); cancelling it stops
     * fetching after the page in flight.
     */
    public CompletableFuture<Void> forEach(Consumer<? super R> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        CompletableFuture<Void> done = new CompletableFuture<>();
        fetch(firstRequest, new HashSet<>(), consumer, done);
        return done;
    }

    /** Every item of every page, given one by one to {@code consumer}, fetched as lazily as the pages. */
    public <T> CompletableFuture<Void> forEachItem(Function<? super R, ? extends List<? extends T>> itemsOfPage, Consumer<? super T> consumer) {
        Objects.requireNonNull(itemsOfPage, "itemsOfPage");
        Objects.requireNonNull(consumer, "consumer");
        return forEach(page -> itemsOfPage.apply(page).forEach(consumer));
    }

    private void fetch(Q request, Set<String> seenTokens, Consumer<? super R> consumer, CompletableFuture<Void> done) {
        if (done.isDone()) {
            return;
        }
        CompletableFuture<R> page;
        try {
            page = call.apply(request);
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
            return;
        }
        page.whenComplete((response, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            try {
                consumer.accept(response);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
                return;
            }
            String token = nextToken.apply(response);
            if (token == null || token.isEmpty()) {
                done.complete(null);
            } else if (!seenTokens.add(token)) {
                done.completeExceptionally(PaginationException.repeatedToken(operationName, token));
            } else {
                fetch(withToken.apply(firstRequest, token), seenTokens, consumer, done);
            }
        });
    }
}
