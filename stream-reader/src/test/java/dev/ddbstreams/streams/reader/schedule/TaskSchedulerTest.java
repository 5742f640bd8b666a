package dev.ddbstreams.streams.reader.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.retry.Sleeper;
import dev.ddbstreams.streams.reader.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TaskSchedulerTest {

    private final List<Throwable> crashes = new CopyOnWriteArrayList<>();

    @Test
    void stepsRunInTheOrderTheyAreDueAndATaskRunsUntilItSaysItIsOver() throws Exception {
        ManualClock clock = new ManualClock();
        TaskScheduler scheduler = new TaskScheduler(clock, clock.sleeper(), crashes::add);
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger steps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        Instant start = clock.instant();
        scheduler.schedule(() -> {
            log.add("late");
            done.countDown();
            return null;
        }, start.plusSeconds(10));
        scheduler.schedule(() -> {
            log.add("step " + steps.incrementAndGet());
            return steps.get() < 3 ? clock.instant().plusSeconds(1) : null;
        }, start.plusSeconds(1));
        scheduler.start(1, "test");

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        scheduler.stop();
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(log).containsExactly("step 1", "step 2", "step 3", "late");
        assertThat(Duration.between(start, clock.instant())).isGreaterThanOrEqualTo(Duration.ofSeconds(10));
        assertThat(crashes).isEmpty();
    }

    @Test
    void stopWakesSleepingThreadsButNeverInterruptsARunningStep() throws Exception {
        TaskScheduler scheduler = new TaskScheduler(Clock.systemUTC(), Sleeper.system(), crashes::add);
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        scheduler.schedule(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
            finished.set(true);
            return Instant.now();
        }, Instant.now());
        // This one would sleep for a day.
        scheduler.schedule(() -> null, Instant.now().plus(Duration.ofDays(1)));
        scheduler.start(2, "test");
        assertThat(running.await(30, TimeUnit.SECONDS)).isTrue();

        scheduler.stop();
        assertThat(scheduler.isStopping()).isTrue();
        assertThat(scheduler.isTerminated()).isFalse();
        release.countDown();
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(30))).isTrue();

        assertThat(finished).isTrue();
        assertThat(interrupted).isFalse();
        assertThat(scheduler.isTerminated()).isTrue();
    }

    @Test
    void aStepThatThrowsStopsTheSchedulerAndIsReported() throws Exception {
        ManualClock clock = new ManualClock();
        TaskScheduler scheduler = new TaskScheduler(clock, clock.sleeper(), crashes::add);
        AssertionError bug = new AssertionError("bug");
        scheduler.schedule(() -> {
            throw bug;
        }, clock.instant());
        scheduler.start(2, "test");
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(crashes).containsExactly(bug);
    }

    @Test
    void onALoopTheStepsOfSeveralSchedulersRunOneAtATimeInOrderOfDueTime() throws Exception {
        ManualClock clock = new ManualClock();
        StepLoop loop = new StepLoop(clock, clock.sleeper());
        TaskScheduler reading = new TaskScheduler(loop, crashes::add);
        TaskScheduler handling = new TaskScheduler(loop, crashes::add);
        Instant start = clock.instant();
        List<String> log = new CopyOnWriteArrayList<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(1);
        java.util.function.Function<String, TaskScheduler.Task> step = name -> () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            log.add(name + " at " + Duration.between(start, clock.instant()).toSeconds());
            running.decrementAndGet();
            if (name.equals("last")) {
                done.countDown();
            }
            return null;
        };
        reading.schedule(step.apply("read 3"), start.plusSeconds(3));
        handling.schedule(step.apply("handle 1"), start.plusSeconds(1));
        reading.schedule(step.apply("read 1"), start.plusSeconds(1));
        handling.schedule(step.apply("last"), start.plusSeconds(7));
        reading.start(4, "one-loop");
        handling.start(4, "one-loop");

        assertThat(done.await(30, TimeUnit.SECONDS)).isTrue();
        // Due together: in the order scheduled. The clock moved by exactly the pauses waited.
        assertThat(log).containsExactly("handle 1 at 1", "read 1 at 1", "read 3 at 3", "last at 7");
        assertThat(Duration.between(start, clock.instant())).isEqualTo(Duration.ofSeconds(7));
        assertThat(mostAtOnce).hasValue(1);
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().startsWith("one-loop"))
                .extracting(Thread::getName).containsExactly("one-loop-1");

        reading.stop();
        assertThat(reading.isTerminated()).isFalse();
        handling.stop();
        assertThat(reading.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(handling.isTerminated()).isTrue();
        assertThat(crashes).isEmpty();
    }

    @Test
    void onALoopAStoppedSchedulersStepsAreDroppedWhileTheOthersGoOn() throws Exception {
        ManualClock clock = new ManualClock();
        StepLoop loop = new StepLoop(clock, clock.sleeper());
        TaskScheduler reading = new TaskScheduler(loop, crashes::add);
        TaskScheduler handling = new TaskScheduler(loop, crashes::add);
        List<String> log = new CopyOnWriteArrayList<>();
        CountDownLatch handled = new CountDownLatch(1);
        Instant start = clock.instant();
        reading.schedule(() -> {
            log.add("read");
            return null;
        }, start.plusSeconds(5));
        handling.schedule(() -> {
            // Stopping reading from a step of the loop: its pending step never runs, handling's does.
            reading.stop();
            return clock.instant().plusSeconds(10);
        }, start.plusSeconds(1));
        handling.schedule(() -> {
            log.add("handled");
            handled.countDown();
            return null;
        }, start.plusSeconds(20));
        handling.start(1, "test");

        assertThat(handled.await(30, TimeUnit.SECONDS)).isTrue();
        reading.schedule(() -> {
            log.add("read after stop");
            return null;
        }, clock.instant());
        handling.stop();
        assertThat(handling.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(log).containsExactly("handled");
    }

    @Test
    void onALoopAStepScheduledFromAnotherThreadCutsARealWaitShort() throws Exception {
        StepLoop loop = new StepLoop(Clock.systemUTC(), Sleeper.system());
        TaskScheduler scheduler = new TaskScheduler(loop, crashes::add);
        CountDownLatch ran = new CountDownLatch(1);
        scheduler.schedule(() -> null, Instant.now().plus(Duration.ofDays(1)));
        scheduler.start(1, "test");
        scheduler.schedule(() -> {
            ran.countDown();
            return null;
        }, Instant.now());

        assertThat(ran.await(30, TimeUnit.SECONDS)).isTrue();
        scheduler.stop();
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(30))).isTrue();
    }

    @Test
    void onALoopAStepThatThrowsStopsItsSchedulerAndIsReported() throws Exception {
        ManualClock clock = new ManualClock();
        StepLoop loop = new StepLoop(clock, clock.sleeper());
        TaskScheduler scheduler = new TaskScheduler(loop, crashes::add);
        AssertionError bug = new AssertionError("bug");
        scheduler.schedule(() -> {
            throw bug;
        }, clock.instant());
        scheduler.start(1, "test");
        assertThat(scheduler.awaitTermination(Duration.ofSeconds(30))).isTrue();
        assertThat(crashes).containsExactly(bug);
        assertThat(scheduler.isStopping()).isTrue();
    }
}
