package dev.ddbstreams.runtime.paginate;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.reactivestreams.Publisher;

/**
 * A Reactive Streams {@link Publisher} with a shortcut for the common case: {@link #subscribe(Consumer)} takes every
 * element in turn and tells through a future when the last one has been taken. The asynchronous client's paginators
 * and their item views are these, so they plug into any Reactive Streams library (Reactor's {@code Flux.from},
 * RxJava's {@code Flowable.fromPublisher}, Akka/Pekko Streams, Mutiny, ...).
 *
 * @param <T> the element type
 */
public interface SdkPublisher<T> extends Publisher<T> {

    /**
     * Gives every element to {@code consumer}, in order, each only after the consumer has returned from the one
     * before. The future completes after the last element, or fails with the first failure (of the publisher or
     * of the consumer, which also stops it); cancelling the future cancels the subscription, and with it any
     * request in flight.
     */
    default CompletableFuture<Void> subscribe(Consumer<? super T> consumer) {
        Objects.requireNonNull(consumer, "consumer");
        ConsumerSubscriber<T> subscriber = new ConsumerSubscriber<>(consumer);
        subscribe(subscriber);
        return subscriber.done();
    }
}
