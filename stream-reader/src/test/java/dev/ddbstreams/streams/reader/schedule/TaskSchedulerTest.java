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
}
