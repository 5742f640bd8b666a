package dev.ddbstreams.runtime.paginate;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/** The subscriber behind {@link SdkPublisher#subscribe(Consumer)}: unbounded demand, one element at a time. */
final class ConsumerSubscriber<T> implements Subscriber<T> {

    private final Consumer<? super T> consumer;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private Subscription subscription;

    ConsumerSubscriber(Consumer<? super T> consumer) {
        this.consumer = consumer;
    }

    CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void onSubscribe(Subscription subscription) {
        if (this.subscription != null) {
            subscription.cancel();
            return;
        }
        this.subscription = subscription;
        done.whenComplete((ignored, failure) -> {
            if (done.isCancelled()) {
                subscription.cancel();
            }
        });
        // Unbounded demand still fetches one page at a time: publishers here fetch the next page only after
        // onNext has returned.
        subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(T element) {
        if (done.isDone()) {
            return;
        }
        try {
            consumer.accept(element);
        } catch (RuntimeException | Error e) {
            subscription.cancel();
            done.completeExceptionally(e);
        }
    }

    @Override
    public void onError(Throwable failure) {
        done.completeExceptionally(failure);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }
}
