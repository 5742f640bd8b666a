package dev.ddbstreams.runtime.paginate;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.reactivestreams.Subscriber;

/**
 * The pages of a paginated operation for an asynchronous client, as a Reactive Streams publisher. Each subscriber
 * walks the pages from the first request on its own, paced by its demand: no request is sent before it asks for a
 * page, at most one is in flight, and the next is sent only once the page before has been delivered and more are
 * wanted. Cancelling stops the walk and cancels the request in flight. The rules of {@link Pages} apply: no next
 * token ends the walk ({@code onComplete}); a repeated token delivers its page, then fails the walk with a
 * {@link PaginationException}.
 *
 * @param <Q> the request type
 * @param <R> the response type
 * @param <T> the token type
 */
public final class AsyncPages<Q, R, T> implements SdkPublisher<R> {

    private final String operationName;
    private final Q firstRequest;
    private final Function<? super Q, ? extends CompletableFuture<? extends R>> call;
    private final Function<? super R, ? extends T> nextToken;
    private final BiFunction<? super Q, ? super T, ? extends Q> withToken;

    /**
     * @param operationName the operation's name, for messages
     * @param firstRequest the request of the first page
     * @param call starts one request; its future completes with the response
     * @param nextToken reads the token of the next page from a response; null when there is no next page
     * @param withToken the request for the next page: the first request with the token set
     */
    public AsyncPages(String operationName, Q firstRequest, Function<? super Q, ? extends CompletableFuture<? extends R>> call,
                      Function<? super R, ? extends T> nextToken, BiFunction<? super Q, ? super T, ? extends Q> withToken) {
        this.operationName = Objects.requireNonNull(operationName, "operationName");
        this.firstRequest = Objects.requireNonNull(firstRequest, "request");
        this.call = Objects.requireNonNull(call, "call");
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.withToken = Objects.requireNonNull(withToken, "withToken");
    }

    @Override
    public void subscribe(Subscriber<? super R> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        new PageSubscription(subscriber).start();
    }

    /**
     * The items of every page, in order, as a publisher paced like the pages: a page is requested only when its
     * subscriber wants an item and the previous page's items are all delivered. {@code itemsOfPage} gives a
     * page's items (a list's elements, a map's entries, or the one value a page has).
     */
    public <E> SdkPublisher<E> items(Function<? super R, ? extends Iterable<? extends E>> itemsOfPage) {
        return new ItemPublisher<>(this, Objects.requireNonNull(itemsOfPage, "itemsOfPage"));
    }

    @Override
    public String toString() {
        return "AsyncPages(" + operationName + ")";
    }

    /** What a finished call left for the loop: a page or a failure. */
    private record Answer<R>(R page, Throwable failure) {}

    private final class PageSubscription extends SerialSubscription<R> {
        private final PageTrail<Q, R, T> trail = new PageTrail<>(operationName, firstRequest, nextToken, withToken);
        private final AtomicReference<Answer<R>> answer = new AtomicReference<>();
        private volatile CompletableFuture<? extends R> inFlight;
        private Q nextRequest = firstRequest;
        private boolean waiting;
        private R page;
        private Throwable failureAfterPage;

        PageSubscription(Subscriber<? super R> subscriber) {
            super(subscriber);
        }

        @Override
        void step() {
            while (!stopped()) {
                Answer<R> arrived = answer.getAndSet(null);
                if (arrived != null) {
                    waiting = false;
                    inFlight = null;
                    take(arrived);
                }
                if (page != null) {
                    if (!hasDemand()) {
                        return;
                    }
                    R delivered = page;
                    page = null;
                    emit(delivered);
                } else if (failureAfterPage != null) {
                    fail(failureAfterPage);
                } else if (waiting) {
                    return;
                } else if (nextRequest == null) {
                    complete();
                } else if (!hasDemand()) {
                    return;
                } else {
                    send();
                }
            }
        }

        private void take(Answer<R> arrived) {
            if (arrived.failure() != null) {
                failureAfterPage = arrived.failure();
                return;
            }
            page = arrived.page();
            try {
                nextRequest = trail.after(page);
            } catch (RuntimeException e) {
                nextRequest = null;
                failureAfterPage = e;
            }
        }

        private void send() {
            Q request = nextRequest;
            nextRequest = null;
            waiting = true;
            CompletableFuture<? extends R> future;
            try {
                future = Objects.requireNonNull(call.apply(request), () -> operationName + " returned no future");
            } catch (RuntimeException e) {
                future = CompletableFuture.failedFuture(e);
            }
            inFlight = future;
            if (stopped()) {
                future.cancel(true);
            }
            // May run at once, on this thread: the loop then finds the answer on its next turn.
            future.whenComplete((response, failure) -> {
                answer.set(new Answer<>(response, unwrap(failure)));
                drain();
            });
        }

        @Override
        void onCancel() {
            CompletableFuture<? extends R> current = inFlight;
            if (current != null) {
                current.cancel(true);
            }
        }

        @Override
        void release() {
            inFlight = null;
            page = null;
            nextRequest = null;
            answer.set(null);
        }
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }
}
