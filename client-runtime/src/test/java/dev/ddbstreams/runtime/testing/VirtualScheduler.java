package dev.ddbstreams.runtime.testing;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler on virtual time: scheduled tasks wait in a queue until the test runs them with {@link #runNext()}, which
 * moves the {@link MutableClock} to the task's time first. Only one-shot {@code schedule(Runnable, ...)} is
 * supported, which is all the runtime uses.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {

    private final MutableClock clock;
    private final PriorityQueue<Task> queue = new PriorityQueue<>(Comparator.comparing((Task t) -> t.due).thenComparingLong(t -> t.order));
    private final List<Duration> delays = new ArrayList<>();
    private long scheduled;

    public VirtualScheduler(MutableClock clock) {
        this.clock = clock;
    }

    /** Every delay asked for, in order. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }

    /** How many tasks wait (cancelled ones are dropped). */
    public synchronized int pending() {
        queue.removeIf(task -> task.cancelled);
        return queue.size();
    }

    /** Moves the clock to the earliest task and runs it; false when nothing waits. */
    public boolean runNext() {
        Task task;
        synchronized (this) {
            queue.removeIf(t -> t.cancelled);
            task = queue.poll();
        }
        if (task == null) {
            return false;
        }
        if (task.due.isAfter(clock.instant())) {
            clock.set(task.due);
        }
        task.done = true;
        task.command.run();
        return true;
    }

    @Override
    public synchronized ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        Duration duration = Duration.ofNanos(unit.toNanos(delay));
        delays.add(duration);
        Task task = new Task(command, clock.instant().plus(duration), scheduled++);
        queue.add(task);
        return task;
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void execute(Runnable command) {
        schedule(command, 0, TimeUnit.NANOSECONDS);
    }

    @Override
    public void shutdown() {}

    @Override
    public List<Runnable> shutdownNow() {
        return List.of();
    }

    @Override
    public boolean isShutdown() {
        return false;
    }

    @Override
    public boolean isTerminated() {
        return false;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return false;
    }

    private final class Task implements ScheduledFuture<Object> {
        final Runnable command;
        final Instant due;
        final long order;
        volatile boolean cancelled;
        volatile boolean done;

        Task(Runnable command, Instant due, long order) {
            this.command = command;
            this.due = due;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(Duration.between(clock.instant(), due));
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            if (done) {
                return false;
            }
            cancelled = true;
            return true;
        }

        @Override
        public boolean isCancelled() {
            return cancelled;
        }

        @Override
        public boolean isDone() {
            return done || cancelled;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
