package dev.ddbstreams.runtime.paginate;

import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * An {@link Iterable} that can also be read as a {@link Stream}. Paginators return these: iterating fetches
 * pages lazily, one request per page, only as far as the caller reads.
 *
 * @param <T> the element type
 */
@FunctionalInterface
public interface SdkIterable<T> extends Iterable<T> {

    /** A sequential stream over the same elements; like iteration, it fetches pages only as they are reached. */
    default Stream<T> stream() {
        return StreamSupport.stream(spliterator(), false);
    }
}
