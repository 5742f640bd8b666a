package dev.ddbstreams.streams.reader.schedule;

import dev.ddbstreams.runtime.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * One thread that runs the steps of several {@link TaskScheduler}s, one step at a time, always the one due first
 * (steps due at the same moment in the order they were scheduled), waiting through the {@link Sleeper} only when
 * nothing is due. Nothing the schedulers run overlaps, so a reader on a loop does the same thing every time it is
 * given the same answers: with a manual clock whose sleeper moves it, time passes only while the loop waits, by
 * exactly the pause asked for. Made for tests and for finding out what a reader did; a reader that serves many
 * shards runs on the threads of its own schedulers.
 */
public final class StepLoop {

    private final Clock clock;
    private final Sleeper sleeper;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final PriorityQueue<DueStep<Lane>> queue = new PriorityQueue<>();
    private final List<Lane> lanes = new ArrayList<>();
    private Thread thread;
    private Lane runningLane;
    private Instant sleepingUntil;
    private long order;
    private CountDownLatch exited = new CountDownLatch(0);

    /** A loop that waits on {@code clock} through {@code sleeper}; its thread starts with its first scheduler. */
    public StepLoop(Clock clock, Sleeper sleeper) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    /** The part of the loop one scheduler owns: its steps, whether it stops, and what it is told of a crash. */
    final class Lane {
        private final Consumer<Throwable> onCrash;
        private boolean stopping;

        private Lane(Consumer<Throwable> onCrash) {
            this.onCrash = Objects.requireNonNull(onCrash, "onCrash");
        }

        void start(String namePrefix) {
            lock.lock();
            try {
                if (thread != null) {
                    return;
                }
                exited = new CountDownLatch(1);
                thread = new Thread(StepLoop.this::work, namePrefix + "-1");
                // Whatever the caller's threads are: a reader must not die with the JVM in the middle of a batch.
                thread.setDaemon(false);
            } finally {
                lock.unlock();
            }
            thread.start();
        }

        void schedule(TaskScheduler.Task task, Instant due) {
            lock.lock();
            try {
                if (stopping) {
                    return;
                }
                queue.add(new DueStep<>(this, task, due, order++));
                changed.signalAll();
                // A real pause toward a later step is cut short, so this one runs on time.
                if (sleepingUntil != null && due.isBefore(sleepingUntil)) {
                    thread.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }

        void stop() {
            lock.lock();
            try {
                stopping = true;
                queue.removeIf(entry -> entry.owner() == this);
                changed.signalAll();
                if (sleepingUntil != null && allStopping()) {
                    thread.interrupt();
                }
            } finally {
                lock.unlock();
            }
        }

        boolean isStopping() {
            lock.lock();
            try {
                return stopping;
            } finally {
                lock.unlock();
            }
        }

        boolean isTerminated() {
            lock.lock();
            try {
                return stopping && allStopping() && exited.getCount() == 0;
            } finally {
                lock.unlock();
            }
        }

        boolean awaitTermination(Duration timeout) throws InterruptedException {
            CountDownLatch latch;
            lock.lock();
            try {
                latch = exited;
            } finally {
                lock.unlock();
            }
            return latch.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        }

        int interruptRunningSteps() {
            lock.lock();
            try {
                if (runningLane != this) {
                    return 0;
                }
                thread.interrupt();
                return 1;
            } finally {
                lock.unlock();
            }
        }

        boolean isLoopThread() {
            lock.lock();
            try {
                return thread != null && thread == Thread.currentThread();
            } finally {
                lock.unlock();
            }
        }
    }

    /** A new scheduler's part of the loop. */
    Lane newLane(Consumer<Throwable> onCrash) {
        Lane lane = new Lane(onCrash);
        lock.lock();
        try {
            lanes.add(lane);
        } finally {
            lock.unlock();
        }
        return lane;
    }

    private boolean allStopping() {
        return lanes.stream().allMatch(lane -> lane.stopping);
    }

    private void work() {
        try {
            DueStep<Lane> entry;
            while ((entry = next()) != null) {
                Instant nextDue;
                try {
                    nextDue = entry.task().runStep();
                } catch (RuntimeException | Error e) {
                    entry.owner().stop();
                    entry.owner().onCrash.accept(e);
                    continue;
                } finally {
                    lock.lock();
                    try {
                        runningLane = null;
                        // An interrupt meant for the step that just ended must not reach the next one.
                        Thread.interrupted();
                    } finally {
                        lock.unlock();
                    }
                }
                if (nextDue != null) {
                    entry.owner().schedule(entry.task(), nextDue);
                }
            }
        } finally {
            exited.countDown();
        }
    }

    /** The step to run now, waiting until one is due; {@code null} once every scheduler stopped. */
    private DueStep<Lane> next() {
        lock.lock();
        try {
            while (true) {
                if (allStopping()) {
                    return null;
                }
                DueStep<Lane> head = queue.peek();
                if (head == null) {
                    changed.awaitUninterruptibly();
                    continue;
                }
                Duration wait = Duration.between(clock.instant(), head.due());
                if (wait.isNegative() || wait.isZero()) {
                    queue.poll();
                    runningLane = head.owner();
                    return head;
                }
                // The entry stays queued while the loop waits: a step scheduled meanwhile that is due sooner runs
                // first, and one that is due later finds everything in order.
                sleepingUntil = head.due();
                lock.unlock();
                try {
                    sleeper.sleep(wait);
                } catch (InterruptedException e) {
                    // Woken for an earlier step, or to stop; the queue says which.
                } finally {
                    lock.lock();
                    sleepingUntil = null;
                    Thread.interrupted();
                }
            }
        } finally {
            lock.unlock();
        }
    }
}
