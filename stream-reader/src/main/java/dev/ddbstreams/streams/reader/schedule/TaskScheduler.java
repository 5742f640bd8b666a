package dev.ddbstreams.streams.reader.schedule;

import dev.ddbstreams.runtime.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Runs tasks in steps on a fixed number of threads, each step when its time has come.
 *
 * <p>A task runs one short step (for a shard: one page read and delivered) and says when its next step is due. So a
 * few threads serve any number of shards, each shard's steps run one after another, and a shard that waits (for
 * new records, or after throttling) holds no thread. A thread takes the task due first and waits, through the
 * {@link Sleeper}, until it is due; tests replace the sleeper and the clock to run without real waiting. A task
 * that becomes due meanwhile goes to an idle thread, or waits until a thread is free: with every thread holding a
 * task, that is at most the longest pause held (a poll interval, a backoff). Kept simple on purpose: no thread is
 * ever woken to give up the task it holds.
 *
 * <p>{@link #stop()} lets each running step finish (the batch in hand is delivered and checkpointed), wakes the
 * threads that wait, and runs no further step.
 *
 * <p>A scheduler made on a {@link StepLoop} has no threads of its own: its steps run on the loop's one thread,
 * interleaved with those of the loop's other schedulers in order of due time, so that nothing overlaps.
 */
public final class TaskScheduler {

    /** A task run in steps. */
    public interface Task {
        /**
         * Runs one step.
         *
         * @return when the next step is due, or {@code null} when the task is over
         */
        Instant runStep();
    }

    private final Clock clock;
    private final Sleeper sleeper;
    private final Consumer<Throwable> onCrash;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition queued = lock.newCondition();
    private final PriorityQueue<DueStep<Void>> queue = new PriorityQueue<>();
    private final Set<Thread> sleeping = new HashSet<>();
    private final Set<Thread> running = new HashSet<>();
    private final List<Thread> threads = new ArrayList<>();
    private long order;
    private boolean stopping;
    private CountDownLatch exited = new CountDownLatch(0);
    /** The loop this scheduler's steps run on, or {@code null} when it has threads of its own. */
    private final StepLoop.Lane lane;

    /**
     * A scheduler with threads of its own.
     *
     * @param onCrash told when a step throws, which tasks are written never to do; the scheduler then stops
     */
    public TaskScheduler(Clock clock, Sleeper sleeper, Consumer<Throwable> onCrash) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        this.onCrash = Objects.requireNonNull(onCrash, "onCrash");
        this.lane = null;
    }

    /**
     * A scheduler whose steps run on the one thread of {@code loop}, one at a time with those of the loop's other
     * schedulers.
     *
     * @param onCrash told when a step throws, which tasks are written never to do; the scheduler then stops
     */
    public TaskScheduler(StepLoop loop, Consumer<Throwable> onCrash) {
        // The loop's thread waits on the loop's clock; these belong to a scheduler's own threads.
        this.clock = null;
        this.sleeper = null;
        this.onCrash = Objects.requireNonNull(onCrash, "onCrash");
        this.lane = Objects.requireNonNull(loop, "loop").newLane(onCrash);
    }

    /**
     * Starts {@code threadCount} threads named {@code namePrefix-1}, {@code namePrefix-2}, ... On a loop, starts the
     * loop's thread (named {@code namePrefix-1}) unless another of its schedulers did.
     */
    public void start(int threadCount, String namePrefix) {
        if (lane != null) {
            lane.start(namePrefix);
            return;
        }
        lock.lock();
        try {
            if (!threads.isEmpty()) {
                throw new IllegalStateException("already started");
            }
            exited = new CountDownLatch(threadCount);
            for (int i = 1; i <= threadCount; i++) {
                Thread thread = new Thread(this::work, namePrefix + "-" + i);
                // Whatever the caller's threads are: a reader must not die with the JVM in the middle of a batch.
                thread.setDaemon(false);
                threads.add(thread);
            }
        } finally {
            lock.unlock();
        }
        threads.forEach(Thread::start);
    }

    /** Runs the task's first step at {@code due} (at once if that has passed); ignored once stopping. */
    public void schedule(Task task, Instant due) {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(due, "due");
        if (lane != null) {
            lane.schedule(task, due);
            return;
        }
        lock.lock();
        try {
            if (!stopping) {
                queue.add(new DueStep<>(null, task, due, order++));
                queued.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Runs no further step; steps running now finish. Does not wait; safe to call from a task. */
    public void stop() {
        if (lane != null) {
            lane.stop();
            return;
        }
        lock.lock();
        try {
            stopping = true;
            queue.clear();
            queued.signalAll();
            // Only threads inside the sleeper are interrupted, never one running a step: a handler must not see
            // an interrupt meant for the reader.
            sleeping.forEach(Thread::interrupt);
        } finally {
            lock.unlock();
        }
    }

    public boolean isStopping() {
        if (lane != null) {
            return lane.isStopping();
        }
        lock.lock();
        try {
            return stopping;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Whether every thread has exited (or none was started and {@link #stop()} was called); on a loop, whether the
     * loop's thread has, which it does once each of its schedulers stopped.
     */
    public boolean isTerminated() {
        if (lane != null) {
            return lane.isTerminated();
        }
        lock.lock();
        try {
            return stopping && exited.getCount() == 0;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until every thread has exited; false when the timeout passed first. */
    public boolean awaitTermination(Duration timeout) throws InterruptedException {
        if (lane != null) {
            return lane.awaitTermination(timeout);
        }
        CountDownLatch latch;
        lock.lock();
        try {
            latch = exited;
        } finally {
            lock.unlock();
        }
        return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Interrupts the threads running a step now: the last resort of a close with a deadline, for a step stuck in a
     * handler. Returns how many were running.
     */
    public int interruptRunningSteps() {
        if (lane != null) {
            return lane.interruptRunningSteps();
        }
        lock.lock();
        try {
            running.forEach(Thread::interrupt);
            return running.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the current thread is one of this scheduler's. */
    public boolean isSchedulerThread() {
        if (lane != null) {
            return lane.isLoopThread();
        }
        lock.lock();
        try {
            return threads.contains(Thread.currentThread());
        } finally {
            lock.unlock();
        }
    }

    private void work() {
        try {
            DueStep<Void> entry;
            while ((entry = next()) != null) {
                if (!waitUntil(entry.due())) {
                    return;
                }
                Instant nextDue;
                setRunning(true);
                try {
                    nextDue = entry.task().runStep();
                } catch (RuntimeException | Error e) {
                    stop();
                    onCrash.accept(e);
                    return;
                } finally {
                    setRunning(false);
                }
                if (nextDue != null) {
                    schedule(entry.task(), nextDue);
                }
            }
        } finally {
            exited.countDown();
        }
    }

    private void setRunning(boolean isRunning) {
        lock.lock();
        try {
            if (isRunning) {
                running.add(Thread.currentThread());
            } else {
                running.remove(Thread.currentThread());
                // An interrupt meant for the step that just ended must not reach the next one.
                Thread.interrupted();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The task due first, waiting for one while there is none; {@code null} once stopping. */
    private DueStep<Void> next() {
        lock.lock();
        try {
            while (!stopping && queue.isEmpty()) {
                queued.awaitUninterruptibly();
            }
            return stopping ? null : queue.poll();
        } finally {
            lock.unlock();
        }
    }

    /** Sleeps until {@code due}; false when the scheduler stopped meanwhile. */
    private boolean waitUntil(Instant due) {
        Duration wait = Duration.between(clock.instant(), due);
        if (!wait.isNegative() && !wait.isZero()) {
            lock.lock();
            try {
                if (stopping) {
                    return false;
                }
                sleeping.add(Thread.currentThread());
            } finally {
                lock.unlock();
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                // Woken by stop(); checked below.
            } finally {
                lock.lock();
                try {
                    sleeping.remove(Thread.currentThread());
                    // Clears an interrupt from stop() that arrived after the sleeper returned, so the next step
                    // (which stop() lets finish) does not see it.
                    Thread.interrupted();
                } finally {
                    lock.unlock();
                }
            }
        }
        lock.lock();
        try {
            return !stopping;
        } finally {
            lock.unlock();
        }
    }
}
