package dev.ddbstreams.runtime.paginate;

import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The items of a publisher of pages, one by one: a page is requested from upstream only when the subscriber wants
 * an item and every item of the page before has been delivered, so items are fetched as lazily as pages.
 *
 * @param <R> the page type
 * @param <E> the item type
 */
final class ItemPublisher<R, E> implements SdkPublisher<E> {

    private final Publisher<R> pages;
    private final Function<? super R, ? extends Iterable<? extends E>> itemsOfPage;

    ItemPublisher(Publisher<R> pages, Function<? super R, ? extends Iterable<? extends E>> itemsOfPage) {
        this.pages = pages;
        this.itemsOfPage = itemsOfPage;
    }

    @Override
    public void subscribe(Subscriber<? super E> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber");
        ItemSubscription subscription = new ItemSubscription(subscriber);
        subscription.start();
        pages.subscribe(subscription.upstreamSubscriber());
    }

    @Override
    public String toString() {
        return "ItemPublisher(" + pages + ")";
    }

    private final class ItemSubscription extends SerialSubscription<E> {
        private final AtomicReference<R> arrivedPage = new AtomicReference<>();
        private volatile Subscription upstream;
        private volatile Throwable upstreamFailure;
        private volatile boolean upstreamDone;
        private Iterator<? extends E> items = Collections.emptyIterator();
        private boolean pageRequested;

        ItemSubscription(Subscriber<? super E> subscriber) {
            super(subscriber);
        }

        @Override
        void step() {
            while (!stopped()) {
                Subscription pages = upstream;
                if (pages == null) {
                    return;
                }
                R page = arrivedPage.getAndSet(null);
                if (page != null) {
                    pageRequested = false;
                    try {
                        items = itemsOfPage.apply(page).iterator();
                    } catch (RuntimeException e) {
                        fail(e);
                        return;
                    }
                }
                if (items.hasNext()) {
                    if (!hasDemand()) {
                        return;
                    }
                    E item = items.next();
                    if (item == null) {
                        fail(new NullPointerException("a page has a null item"));
                        return;
                    }
                    emit(item);
                } else if (upstreamFailure != null) {
                    fail(upstreamFailure);
                } else if (upstreamDone) {
                    complete();
                } else if (pageRequested || !hasDemand()) {
                    return;
                } else {
                    pageRequested = true;
                    pages.request(1);
                }
            }
        }

        @Override
        void onCancel() {
            Subscription pages = upstream;
            if (pages != null) {
                pages.cancel();
            }
        }

        @Override
        void release() {
            items = Collections.emptyIterator();
            arrivedPage.set(null);
        }

        Subscriber<R> upstreamSubscriber() {
            return new Subscriber<>() {
                @Override
                public void onSubscribe(Subscription subscription) {
                    if (upstream != null) {
                        subscription.cancel();
                        return;
                    }
                    upstream = subscription;
                    if (stopped()) {
                        subscription.cancel();
                    }
                    drain();
                }

                @Override
                public void onNext(R page) {
                    arrivedPage.set(page);
                    drain();
                }

                @Override
                public void onError(Throwable failure) {
                    upstreamFailure = failure;
                    drain();
                }

                @Override
                public void onComplete() {
                    upstreamDone = true;
                    drain();
                }
            };
        }
    }
}
