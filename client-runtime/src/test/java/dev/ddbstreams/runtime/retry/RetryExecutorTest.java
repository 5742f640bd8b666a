package dev.ddbstreams.runtime.retry;

import static dev.ddbstreams.runtime.retry.RetryTestExceptions.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ddbstreams.runtime.exception.ApiCallTimeoutException;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.RecordingSleeper;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The blocking loop under a fake clock: the schedule, what surfaces, and the call timeout. */
class RetryExecutorTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2030-01-01T00:00:00Z"));
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final List<AttemptContext> attempts = new ArrayList<>();

    private RetryExecutor executor(RetryPolicy.Builder policy, Duration callTimeout) {
        return new RetryExecutor(RetryStrategy.create(policy.sleeper(sleeper).build()), clock, callTimeout);
    }

    /** An attempt that fails with the given exceptions in turn, then returns "done". */
    private RetryExecutor.Attempt<String> failing(RuntimeException... failures) {
        Deque<RuntimeException> queue = new ArrayDeque<>(List.of(failures));
        return context -> {
            attempts.add(context);
            if (!queue.isEmpty()) {
                throw queue.removeFirst();
            }
            return "done";
        };
    }

    @Test
    void transientFailuresAreRetriedWithDelaysWithinTheJitterBounds() {
        Random seeded = new Random(42);
        RetryExecutor executor = executor(RetryPolicy.builder().maxAttempts(5).random(seeded::nextDouble),
                Duration.ZERO);

        String result = executor.execute("GetRecords", failing(service(500, null), service(503, null),
                new SdkClientException("reset", new IOException("Connection reset")), service(500, null)));

        assertThat(result).isEqualTo("done");
        assertThat(attempts).extracting(AttemptContext::attemptNumber).containsExactly(1, 2, 3, 4, 5);
        List<Duration> delays = sleeper.delays();
        assertThat(delays).hasSize(4);
        for (int retry = 1; retry <= 4; retry++) {
            assertThat(delays.get(retry - 1)).isBetween(Duration.ZERO, Duration.ofMillis(100L << (retry - 1)));
        }
        assertThat(delays).doesNotHaveDuplicates();
    }

    @Test
    void throttlingDelaysAreWithinTheThrottlingBounds() {
        RetryExecutor executor = executor(RetryPolicy.builder().random(() -> 0.999), Duration.ZERO);

        executor.execute("GetRecords", failing(service(400, "LimitExceededException"),
                service(429, "ThrottlingException")));

        assertThat(sleeper.delays()).hasSize(2);
        assertThat(sleeper.delays().get(0)).isBetween(Duration.ofMillis(990), Duration.ofSeconds(1));
        assertThat(sleeper.delays().get(1)).isBetween(Duration.ofMillis(1_990), Duration.ofSeconds(2));
    }

    @Test
    void theLastFailureSurfacesWithTheAttemptCountAndTheEarlierOnesSuppressed() {
        AwsServiceException first = service(500, null);
        AwsServiceException second = service(502, null);
        AwsServiceException last = service(503, null);

        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> executor(RetryPolicy.builder(),
                Duration.ZERO).execute("GetRecords", failing(first, second, last)));

        assertThat(e).isSameAs(last);
        assertThat(e.numAttempts()).isEqualTo(3);
        assertThat(e.getMessage()).endsWith("(SDK Attempt Count: 3)");
        assertThat(e.getSuppressed()).containsExactly(first, second);
    }

    @Test
    void neverRetriedErrorsSurfaceAfterOneAttempt() {
        AwsServiceException notFound = service(400, "ResourceNotFoundException");

        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> executor(RetryPolicy.builder(),
                Duration.ZERO).execute("DescribeStream", failing(notFound)));

        assertThat(e).isSameAs(notFound);
        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(sleeper.delays()).isEmpty();
    }

    @Test
    void bucketExhaustionStopsRetriesAcrossCalls() {
        RetryExecutor executor = executor(RetryPolicy.builder().tokenBucketCapacity(10), Duration.ZERO);

        AwsServiceException e1 = catchThrowableOfType(AwsServiceException.class,
                () -> executor.execute("GetRecords", failing(service(500, null), service(500, null),
                        service(500, null))));
        attempts.clear();
        AwsServiceException e2 = catchThrowableOfType(AwsServiceException.class,
                () -> executor.execute("GetRecords", failing(service(500, null), service(500, null))));

        assertThat(e1.numAttempts()).isEqualTo(3);
        assertThat(e2.numAttempts()).isEqualTo(1);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void noRetriesWhenTurnedOff() {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> executor(
                RetryPolicy.none().toBuilder(), Duration.ZERO).execute("GetRecords", failing(service(500, null))));

        assertThat(e.numAttempts()).isEqualTo(1);
        assertThat(attempts).hasSize(1);
    }

    @Test
    void callTimeoutBoundsAllAttemptsAndWaits() {
        // Each failed attempt takes 500 ms on the fake clock; waits are the full ceiling (random just under 1).
        RetryExecutor executor = executor(RetryPolicy.builder().maxAttempts(10).random(() -> 0.999_999),
                Duration.ofSeconds(2));
        RetryExecutor.Attempt<String> slowFailure = context -> {
            attempts.add(context);
            clock.advance(Duration.ofMillis(500));
            throw service(500, null);
        };

        ApiCallTimeoutException e = catchThrowableOfType(ApiCallTimeoutException.class,
                () -> executor.execute("GetRecords", slowFailure));

        // 500 + ~100 + 500 + ~200 + 500 = ~1.8 s: the next wait (~400 ms) would pass 2 s, so there is none.
        assertThat(attempts).hasSize(3);
        assertThat(attempts.get(0).remainingTime()).contains(Duration.ofSeconds(2));
        assertThat(attempts.get(1).remainingTime().orElseThrow())
                .isBetween(Duration.ofMillis(1_400), Duration.ofMillis(1_401));
        assertThat(attempts.get(2).remainingTime().orElseThrow())
                .isBetween(Duration.ofMillis(700), Duration.ofMillis(701));
        assertThat(e.numAttempts()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("GetRecords did not complete within the call timeout of 2000 ms")
                .endsWith("(SDK Attempt Count: 3)");
        assertThat(e.getCause()).isInstanceOf(AwsServiceException.class);
        assertThat(e.getSuppressed()).hasSize(2);
        assertThat(sleeper.delays().stream().reduce(Duration.ZERO, Duration::plus))
                .isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void anAttemptThatRunsOutTheCallTimeoutEndsTheCall() {
        RetryExecutor executor = executor(RetryPolicy.builder(), Duration.ofSeconds(1));
        RetryExecutor.Attempt<String> hanging = context -> {
            attempts.add(context);
            clock.advance(context.remainingTime().orElseThrow());
            throw new SdkClientException("timeout", new java.io.InterruptedIOException("timeout"));
        };

        ApiCallTimeoutException e = catchThrowableOfType(ApiCallTimeoutException.class,
                () -> executor.execute("GetRecords", hanging));

        assertThat(attempts).hasSize(1);
        assertThat(e.numAttempts()).isEqualTo(1);
    }

    @Test
    void interruptedWaitEndsTheCallAndKeepsTheInterrupt() {
        RetryExecutor executor = new RetryExecutor(RetryStrategy.create(RetryPolicy.builder()
                .sleeper(duration -> {
                    throw new InterruptedException("shutting down");
                }).build()), clock, Duration.ZERO);

        SdkClientException e = catchThrowableOfType(SdkClientException.class,
                () -> executor.execute("GetRecords", failing(service(500, null))));

        assertThat(Thread.interrupted()).isTrue();
        assertThat(e).hasMessageStartingWith("Interrupted while waiting to retry GetRecords");
        assertThat(e.numAttempts()).isEqualTo(1);
    }

    @Test
    void otherRuntimeExceptionsPassThroughUntouched() {
        IllegalStateException bug = new IllegalStateException("a bug in an unmarshaller");

        assertThat(catchThrowableOfType(IllegalStateException.class, () -> executor(RetryPolicy.builder(),
                Duration.ZERO).execute("GetRecords", failing(bug)))).isSameAs(bug);
        assertThat(attempts).hasSize(1);
    }
}
