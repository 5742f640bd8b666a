package dev.ddbstreams.runtime.paginate;

import java.util.Collections;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pages of a paginated operation, fetched lazily: the first request is sent when iteration starts, each
 * following one only when the caller asks for the next page. Pagination ends when generated code finds no next
 * token (absent, empty, or the model's {@code more_results} false). A token the service already sent would make
 * the iteration loop forever: the page that repeats it is still returned, and asking for the one after it throws a
 * {@link PaginationException}.
 *
 * <p>Each call to {@link #iterator()} starts again from the first request.
 *
 * @param <Q> the request type
 * @param <R> the response type
 * @param <T> the token type
 */
public final class Pages<Q, R, T> implements SdkIterable<R> {

    private final String operationName;
    private final Q firstRequest;
    private final Function<? super Q, ? extends R> call;
    private final Function<? super R, ? extends T> nextToken;
    private final BiFunction<? super Q, ? super T, ? extends Q> withToken;

    /**
     * @param operationName the operation's name, for messages
     * @param firstRequest the request of the first page
     * @param call sends one request and returns its response
     * @param nextToken reads the token of the next page from a response; null when there is no next page
     * @param withToken the request for the next page: the first request with the token set
     */
    public Pages(String operationName, Q firstRequest, Function<? super Q, ? extends R> call,
                 Function<? super R, ? extends T> nextToken, BiFunction<? super Q, ? super T, ? extends Q> withToken) {
        this.operationName = Objects.requireNonNull(operationName, "operationName");
        this.firstRequest = Objects.requireNonNull(firstRequest, "request");
        this.call = Objects.requireNonNull(call, "call");
        this.nextToken = Objects.requireNonNull(nextToken, "nextToken");
        this.withToken = Objects.requireNonNull(withToken, "withToken");
    }

    @Override
    public Iterator<R> iterator() {
        return new PageIterator();
    }

    /**
     * The items of every page, in order, fetched as lazily as the pages: {@code itemsOfPage} gives a page's items
     * (a list's elements, a map's entries, or the one value a page has).
     */
    public <E> SdkIterable<E> items(Function<? super R, ? extends Iterable<? extends E>> itemsOfPage) {
        Objects.requireNonNull(itemsOfPage, "itemsOfPage");
        return () -> new ItemIterator<>(iterator(), itemsOfPage);
    }

    private final class PageIterator implements Iterator<R> {
        private final PageTrail<Q, R, T> trail = new PageTrail<>(operationName, firstRequest, nextToken, withToken);
        private Q nextRequest = firstRequest;
        private PaginationException failure;

        @Override
        public boolean hasNext() {
            return nextRequest != null || failure != null;
        }

        @Override
        public R next() {
            if (failure != null) {
                PaginationException thrown = failure;
                failure = null;
                throw thrown;
            }
            if (nextRequest == null) {
                throw new NoSuchElementException("no more pages of " + operationName);
            }
            R page = call.apply(nextRequest);
            nextRequest = null;
            try {
                nextRequest = trail.after(page);
            } catch (PaginationException e) {
                failure = e;
            }
            return page;
        }
    }

    private static final class ItemIterator<R, E> implements Iterator<E> {
        private final Iterator<R> pages;
        private final Function<? super R, ? extends Iterable<? extends E>> itemsOfPage;
        private Iterator<? extends E> current = Collections.emptyIterator();

        ItemIterator(Iterator<R> pages, Function<? super R, ? extends Iterable<? extends E>> itemsOfPage) {
            this.pages = pages;
            this.itemsOfPage = itemsOfPage;
        }

        @Override
        public boolean hasNext() {
            // Pages may be empty and still carry a token, so keep fetching until an item or the end.
            while (!current.hasNext() && pages.hasNext()) {
                current = itemsOfPage.apply(pages.next()).iterator();
            }
            return current.hasNext();
        }

        @Override
        public E next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
