package dev.ddbstreams.runtime.paginate;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.reactivestreams.Publisher;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.annotations.AfterClass;

/**
 * The Reactive Streams TCK's publisher rules for {@link AsyncPages}: each element is a page, answered on another
 * thread as OkHttp would. A paginated operation always has a first page, so the only stream of no elements it can
 * make is the items of one empty page; that is what a request for zero elements gets.
 */
public class AsyncPagesTckTest extends PublisherVerification<Long> {

    private final ExecutorService answers = Executors.newFixedThreadPool(2, runnable -> {
        Thread thread = new Thread(runnable, "tck-answers");
        thread.setDaemon(true);
        return thread;
    });

    public AsyncPagesTckTest() {
        super(new TestEnvironment(500));
    }

    @AfterClass
    public void stopAnswering() {
        answers.shutdownNow();
    }

    /** Pages numbered 1 to {@code pages}, the token of each the number of the next. */
    AsyncPages<Long, Long, Long> pages(long pages) {
        return new AsyncPages<>("Count", 1L, number -> CompletableFuture.supplyAsync(() -> number, answers),
                page -> page < pages ? page + 1 : null, (first, token) -> token);
    }

    @Override
    public Publisher<Long> createPublisher(long elements) {
        if (elements == 0) {
            return pages(1).items(page -> List.<Long>of());
        }
        return pages(elements);
    }

    @Override
    public Publisher<Long> createFailedPublisher() {
        // Pages fail only when asked for: nothing is fetched before demand, so no error can come before it.
        return null;
    }
}
