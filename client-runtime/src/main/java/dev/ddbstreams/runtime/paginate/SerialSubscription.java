package dev.ddbstreams.runtime.paginate;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * What the publishers of this package share: demand accounting and one serialized loop that does all the signalling,
 * so a subscriber sees its signals one at a time, in order, whichever thread asked ({@code request}, {@code cancel})
 * or answered (a page arriving). A call made from inside {@code onNext} only notes the work for the loop already
 * running, so recursion stays bounded (rule 3.3). Subclasses write the state machine in {@link #step()} and
 * release what they hold in {@link #release()}.
 *
 * @param <T> the element type
 */
abstract class SerialSubscription<T> implements Subscription {

    private static final System.Logger LOG = System.getLogger(SerialSubscription.class.getName());

    private final AtomicInteger work = new AtomicInteger();
    private final AtomicLong demand = new AtomicLong();
    private volatile Subscriber<? super T> subscriber;
    private volatile boolean cancelled;
    private volatile IllegalArgumentException badRequest;
    private boolean terminated;

    SerialSubscription(Subscriber<? super T> subscriber) {
        this.subscriber = subscriber;
    }

    /** Hands this subscription to the subscriber; a subscriber that throws is treated as having cancelled (rule 2.13). */
    final void start() {
        try {
            subscriber.onSubscribe(this);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a Subscriber threw from onSubscribe; cancelling its subscription", e);
            cancel();
        }
    }

    @Override
    public final void request(long n) {
        if (n <= 0) {
            badRequest = new IllegalArgumentException("Reactive Streams rule 3.9: request(n) needs a positive n, but n is " + n);
        } else {
            demand.getAndUpdate(current -> current + n < 0 ? Long.MAX_VALUE : current + n);
        }
        drain();
    }

    @Override
    public final void cancel() {
        cancelled = true;
        onCancel();
        drain();
    }

    /** Runs the loop, or, when it is already running on some thread, makes it go round once more. */
    final void drain() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int missed = 1;
        do {
            if (!terminated) {
                if (cancelled) {
                    terminate();
                } else if (badRequest != null) {
                    fail(badRequest);
                } else {
                    step();
                }
            }
            missed = work.addAndGet(-missed);
        } while (missed != 0);
    }

    /** Whether the loop must stop signalling: terminated, cancelled or given a bad request. */
    final boolean stopped() {
        return terminated || cancelled || badRequest != null;
    }

    final boolean hasDemand() {
        return demand.get() > 0;
    }

    /** Signals one element; only with demand, from {@link #step()}. */
    final void emit(T element) {
        if (demand.get() != Long.MAX_VALUE) {
            demand.decrementAndGet();
        }
        try {
            subscriber.onNext(element);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a Subscriber threw from onNext; cancelling its subscription", e);
            cancelled = true;
            onCancel();
        }
    }

    final void complete() {
        Subscriber<? super T> target = subscriber;
        terminate();
        try {
            target.onComplete();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a Subscriber threw from onComplete", e);
        }
    }

    final void fail(Throwable failure) {
        Subscriber<? super T> target = subscriber;
        terminate();
        try {
            target.onError(failure);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "a Subscriber threw from onError", e);
        }
    }

    private void terminate() {
        terminated = true;
        subscriber = null;
        onCancel();
        release();
    }

    /**
     * One pass of the state machine, on the loop's thread: signal what demand allows, start what must start, and
     * return when there is nothing to do until a request or an answer arrives. Checks {@link #stopped()} after
     * every signal.
     */
    abstract void step();

    /** Stops work in flight at once; called from any thread, possibly more than once. */
    abstract void onCancel();

    /** Drops what the subscription holds once it has ended (rule 3.13). */
    abstract void release();
}
