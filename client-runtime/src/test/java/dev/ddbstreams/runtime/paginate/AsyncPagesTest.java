package dev.ddbstreams.runtime.paginate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The asynchronous pages against a fake service whose answers the test completes by hand. */
class AsyncPagesTest {

    record Page(List<String> items, String next) {}

    /** Serves pages by token; each call returns a future the test completes with {@link #answer()}. */
    static final class FakeService {
        final Map<String, Page> pagesByToken;
        final List<String> requests = new ArrayList<>();
        final List<CompletableFuture<Page>> calls = new ArrayList<>();

        FakeService(Map<String, Page> pagesByToken) {
            this.pagesByToken = pagesByToken;
        }

        CompletableFuture<Page> call(String token) {
            requests.add(token);
            CompletableFuture<Page> call = new CompletableFuture<>();
            calls.add(call);
            return call;
        }

        /** Answers the last request. */
        void answer() {
            calls.get(calls.size() - 1).complete(pagesByToken.get(requests.get(requests.size() - 1)));
        }

        AsyncPages<String, Page, String> pages() {
            return new AsyncPages<>("ListThings", "", this::call, Page::next, (first, token) -> token);
        }
    }

    /** Records signals and requests only when told to. */
    static final class Recorder<T> implements Subscriber<T> {
        final List<Object> signals = new ArrayList<>();
        Subscription subscription;

        @Override
        public void onSubscribe(Subscription subscription) {
            this.subscription = subscription;
        }

        @Override
        public void onNext(T item) {
            signals.add(item);
        }

        @Override
        public void onError(Throwable failure) {
            signals.add(failure);
        }

        @Override
        public void onComplete() {
            signals.add("complete");
        }
    }

    private final FakeService service = new FakeService(Map.of(
            "", new Page(List.of("a", "b"), "t1"),
            "t1", new Page(List.of(), "t2"),
            "t2", new Page(List.of("c"), null)));

    @Test
    void nothingIsSentBeforeDemandAndAtMostOneRequestIsInFlight() {
        Recorder<Page> pages = new Recorder<>();
        service.pages().subscribe(pages);
        assertThat(service.requests).as("subscribing sends nothing").isEmpty();

        pages.subscription.request(10);
        assertThat(service.requests).as("one request, however many pages are wanted").containsExactly("");
        service.answer();
        assertThat(pages.signals).hasSize(1);
        assertThat(service.requests).containsExactly("", "t1");
        service.answer();
        service.answer();
        assertThat(pages.signals).hasSize(4).last().isEqualTo("complete");
    }

    @Test
    void theNextPageIsFetchedOnlyWhenItIsWanted() {
        Recorder<Page> pages = new Recorder<>();
        service.pages().subscribe(pages);
        pages.subscription.request(1);
        service.answer();
        assertThat(pages.signals).hasSize(1);
        assertThat(service.requests).as("one page wanted, one fetched").containsExactly("");
        pages.subscription.request(1);
        assertThat(service.requests).containsExactly("", "t1");
    }

    @Test
    void cancellingCancelsTheRequestInFlightAndSignalsNothingMore() {
        Recorder<Page> pages = new Recorder<>();
        service.pages().subscribe(pages);
        pages.subscription.request(5);
        pages.subscription.cancel();
        assertThat(service.calls.get(0)).isCancelled();
        pages.subscription.request(5);
        assertThat(service.requests).hasSize(1);
        assertThat(pages.signals).isEmpty();
    }

    @Test
    void aFailedCallFailsTheSubscription() {
        Recorder<Page> pages = new Recorder<>();
        service.pages().subscribe(pages);
        pages.subscription.request(1);
        IllegalStateException failure = new IllegalStateException("boom");
        service.calls.get(0).completeExceptionally(new CompletionException(failure));
        assertThat(pages.signals).containsExactly(failure);
    }

    @Test
    void aRepeatedTokenDeliversItsPageThenFails() {
        FakeService looping = new FakeService(Map.of("", new Page(List.of("a"), "t1"), "t1", new Page(List.of("b"), "t1")));
        Recorder<Page> pages = new Recorder<>();
        looping.pages().subscribe(pages);
        pages.subscription.request(Long.MAX_VALUE);
        looping.answer();
        looping.answer();
        assertThat(pages.signals).hasSize(3);
        assertThat(pages.signals.get(1)).isEqualTo(new Page(List.of("b"), "t1"));
        assertThat(pages.signals.get(2)).isInstanceOf(PaginationException.class);
    }

    @Test
    void requestingZeroIsAnErrorAsTheSpecificationSays() {
        Recorder<Page> pages = new Recorder<>();
        service.pages().subscribe(pages);
        pages.subscription.request(0);
        assertThat(pages.signals).singleElement().isInstanceOf(IllegalArgumentException.class);
        assertThat(service.requests).isEmpty();
    }

    @Test
    void itemsArePacedLikePagesAndSkipEmptyPages() {
        Recorder<String> items = new Recorder<>();
        service.pages().items(Page::items).subscribe(items);
        assertThat(service.requests).isEmpty();
        items.subscription.request(2);
        service.answer();
        assertThat(items.signals).containsExactly("a", "b");
        assertThat(service.requests).as("two items wanted: the first page has them").containsExactly("");

        items.subscription.request(1);
        service.answer();
        assertThat(service.requests).as("the empty page is passed over").containsExactly("", "t1", "t2");
        service.answer();
        assertThat(items.signals).containsExactly("a", "b", "c", "complete");
    }

    @Test
    void cancellingItemsCancelsThePageInFlight() {
        Recorder<String> items = new Recorder<>();
        service.pages().items(Page::items).subscribe(items);
        items.subscription.request(1);
        items.subscription.cancel();
        assertThat(service.calls.get(0)).isCancelled();
    }

    @Test
    void subscribeWithAConsumerTakesEverythingInOrderAndCompletes() {
        List<String> seen = new ArrayList<>();
        CompletableFuture<Void> done = service.pages().items(Page::items).subscribe(seen::add);
        service.answer();
        assertThat(seen).containsExactly("a", "b");
        assertThat(done).isNotDone();
        service.answer();
        service.answer();
        assertThat(done).isCompleted();
        assertThat(seen).containsExactly("a", "b", "c");
    }

    @Test
    void aConsumerThatThrowsStopsFetchingAndFailsTheFuture() {
        CompletableFuture<Void> done = service.pages().subscribe(page -> {
            throw new IllegalStateException("consumer failed");
        });
        service.answer();
        assertThatThrownBy(done::join).hasCauseInstanceOf(IllegalStateException.class);
        assertThat(service.requests).as("nothing fetched after the failure").containsExactly("");
    }

    @Test
    void cancellingTheConsumersFutureCancelsTheRequestInFlight() {
        CompletableFuture<Void> done = service.pages().subscribe(page -> { });
        done.cancel(true);
        assertThat(service.calls.get(0)).isCancelled();
    }
}
