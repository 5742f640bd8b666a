package dev.ddbstreams.runtime.paginate;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The pages of a paginated operation, fetched lazily: the first request is sent when iteration starts, each
 * following one only when the caller asks for the next page. Pagination ends when the response has no token
 * or an empty one. A token the service already sent would make the iteration loop forever, so it ends it with a
 * {@link PaginationException} instead.
 *
 * <p>Each call to {@link #iterator()} starts again from the first request.
 *
 * @param <Q> the request type
 * @param <R> the response type
 */
public final class Pages<Q, R> implements SdkIterable<R> {

    private final String operationName;
    private final Q firstRequest;
    private final Function<Q, R> call;
    private final Function<R, String> nextToken;
    private final BiFunction<Q, String, Q> withToken;

    /**
     * @param operationName the operation's name, for messages
     * @param firstRequest the request of the first page
     * @param call sends one request and returns its response
     * @param nextToken reads the token of the next page from a response (null when there is none)
     * @param withToken the request for the next page: the first request with the token set
     */
    public Pages(String operationName, Q firstRequest, Function<Q, R> call, Function<R, String> nextToken, BiFunction<Q, String, Q> withToken) {
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

    /** The items of every page, in order, fetched as lazily as the pages. */
    public <T> SdkIterable<T> items(Function<? super R, ? extends List<? extends T>> itemsOfPage) {
        Objects.requireNonNull(itemsOfPage, "itemsOfPage");
        return () -> new ItemIterator<>(iterator(), itemsOfPage);
    }

    private final class PageIterator implements Iterator<R> {
        private final Set<String> seenTokens = new HashSet<>();
        private Q nextRequest = firstRequest;

        @Override
        public boolean hasNext() {
            return nextRequest != null;
        }

        @Override
        public R next() {
            if (nextRequest == null) {
                throw new NoSuchElementException("no more pages of " + operationName);
            }
            R page = call.apply(nextRequest);
            String token = nextToken.apply(page);
            if (token == null || token.isEmpty()) {
                nextRequest = null;
            } else if (!seenTokens.add(token)) {
                nextRequest = null;
                throw PaginationException.repeatedToken(operationName, token);
            } else {
                nextRequest = withToken.apply(firstRequest, token);
            }
            return page;
        }
    }

    private static final class ItemIterator<R, T> implements Iterator<T> {
        private final Iterator<R> pages;
        private final Function<? super R, ? extends List<? extends T>> itemsOfPage;
        private Iterator<? extends T> current = List.<T>of().iterator();

        ItemIterator(Iterator<R> pages, Function<? super R, ? extends List<? extends T>> itemsOfPage) {
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
        public T next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }
    }
}
