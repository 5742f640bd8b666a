package dev.ddbstreams.runtime.paginate;

import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;

/**
 * The Reactive Streams TCK's publisher rules for the items of pages: {@code elements} items spread over pages of
 * zero to three items (so empty pages and page boundaries fall everywhere), answered at once on the caller's thread,
 * the harder case for recursion (rule 3.3).
 */
public class ItemPublisherTckTest extends PublisherVerification<Long> {

    public ItemPublisherTckTest() {
        super(new TestEnvironment(500));
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        // Page p (from 0) holds the items [start(p), start(p + 1)), with p % 4 items: 0, 1, 2, 3, 0, 1, ...
        AsyncPages<Long, Long, Long> pages = new AsyncPages<>("Items", 0L, CompletableFuture::completedFuture,
                page -> start(page + 1) < elements ? page + 1 : null, (first, token) -> token);
        return pages.items(page -> LongStream.range(start(page), Math.min(start(page + 1), elements)).boxed().toList());
    }

    /** The first item of page {@code page}: the sum of the sizes of the pages before it. */
    private static long start(long page) {
        long full = page / 4;
        long rest = page % 4;
        return full * 6 + rest * (rest - 1) / 2;
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        // As for pages: nothing is fetched before demand, so no error can come before it.
        return null;
    }

    @Override
    public long maxElementsFromPublisher() {
        return Long.MAX_VALUE / 8;
    }
}
