package dev.ddbstreams.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The adaptive mode's rate limiter on a fake clock: off until throttled, CUBIC decrease and recovery, waits. */
class ClientRateLimiterTest {

    /** Nanoseconds, moved by the test. */
    private long now = 1_000_000_000_000L;

    private ClientRateLimiter limiter() {
        return new ClientRateLimiter(() -> now);
    }

    private void advance(double seconds) {
        now += (long) (seconds * 1e9);
    }

    /** Sends {@code perSecond} successful requests a second for {@code seconds}, as a steady client would. */
    private void sendSteadily(ClientRateLimiter limiter, int perSecond, int seconds) {
        for (int i = 0; i < perSecond * seconds; i++) {
            advance(1.0 / perSecond);
            limiter.update(false);
        }
    }

    @Test
    void untilTheServiceThrottlesNothingWaits() {
        ClientRateLimiter limiter = limiter();
        for (int i = 0; i < 1000; i++) {
            assertThat(limiter.acquire()).isZero();
            limiter.update(false);
        }
        assertThat(limiter.enabled()).isFalse();
    }

    @Test
    void throttlingCutsTheFillRateToSeventyPercentOfTheMeasuredSendingRate() {
        ClientRateLimiter limiter = limiter();
        sendSteadily(limiter, 20, 5);
        double measured = limiter.measuredSendRate();
        assertThat(measured).isCloseTo(20, within(1.0));

        limiter.update(true);

        assertThat(limiter.enabled()).isTrue();
        assertThat(limiter.fillRate()).isCloseTo(measured * 0.7, within(0.5));
    }

    @Test
    void onceThrottledAttemptsBeyondTheRateWaitForTokens() {
        ClientRateLimiter limiter = limiter();
        sendSteadily(limiter, 10, 3);
        limiter.update(true);
        double rate = limiter.fillRate();

        // The tokens the bucket holds go at once; then each attempt waits 1/rate longer than the one before it.
        Duration first = limiter.acquire();
        for (int i = 0; i < 100 && first.isZero(); i++) {
            first = limiter.acquire();
        }
        assertThat(first).isPositive();
        Duration second = limiter.acquire();
        assertThat(second.minus(first).toNanos() / 1e9).isCloseTo(1 / rate, within(0.01));
        advance(5);
        assertThat(limiter.acquire()).isZero();
    }

    @Test
    void afterThrottlingTheRateRecoversAlongTheCubicCurvePastThePreviousMaximum() {
        ClientRateLimiter limiter = limiter();
        sendSteadily(limiter, 10, 3);
        limiter.update(true);
        double cut = limiter.fillRate();

        // K = cbrt(maxRate * (1 - 0.7) / 0.4) seconds after the throttle the curve is back at the previous maximum.
        double maxRate = cut / 0.7;
        double k = Math.cbrt(maxRate * 0.3 / 0.4);
        advance(k);
        limiter.update(false);
        assertThat(limiter.fillRate()).isCloseTo(Math.min(maxRate, 2 * limiter.measuredSendRate()), within(0.5));

        sendSteadily(limiter, 20, 3);
        assertThat(limiter.fillRate()).isGreaterThan(maxRate);
    }

    @Test
    void theRateNeverFallsBelowHalfARequestPerSecond() {
        ClientRateLimiter limiter = limiter();
        for (int i = 0; i < 50; i++) {
            advance(0.01);
            limiter.update(true);
        }
        assertThat(limiter.fillRate()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void theAdaptiveStrategyRateLimitsAfterThrottlingAndTheStandardOneNever() {
        AwsServiceException throttled = new AwsServiceException(new AwsErrorDetails("ThrottlingException", "slow",
                "id", 400, "S")) {
            private static final long serialVersionUID = 1L;
        };
        RetryStrategy adaptive = RetryStrategy.create(RetryPolicy.adaptive(), () -> now);
        RetryStrategy standard = RetryStrategy.create(RetryPolicy.standard(), () -> now);
        for (RetryStrategy strategy : new RetryStrategy[] {adaptive, standard}) {
            for (int i = 0; i < 30; i++) {
                advance(0.1);
                strategy.acquireSendPermit();
                strategy.recordSuccess(strategy.acquireInitialToken());
            }
            RetryDecision decision = strategy.refreshRetryToken(strategy.acquireInitialToken(), throttled, Optional.empty());
            assertThat(decision.failureKind()).isEqualTo(FailureKind.THROTTLING);
        }

        Duration waited = Duration.ZERO;
        for (int i = 0; i < 20; i++) {
            waited = waited.plus(adaptive.acquireSendPermit());
        }
        assertThat(waited).isPositive();
        assertThat(adaptive.rateLimiter()).isPresent();
        assertThat(standard.acquireSendPermit()).isZero();
        assertThat(standard.rateLimiter()).isEmpty();
    }

    @Test
    void theExecutorWaitsWhatTheLimiterAsksBeforeEachAttempt() {
        RecordingSleeperForTest sleeper = new RecordingSleeperForTest();
        RetryPolicy policy = RetryPolicy.adaptive().toBuilder().sleeper(sleeper).random(() -> 0.5).build();
        RetryStrategy strategy = RetryStrategy.create(policy, () -> now);
        strategy.refreshRetryToken(strategy.acquireInitialToken(), new AwsServiceException(new AwsErrorDetails(
                "ThrottlingException", "slow", "id", 400, "S")) {
            private static final long serialVersionUID = 1L;
        }, Optional.empty());
        RetryExecutor executor = new RetryExecutor(strategy, java.time.Clock.systemUTC(), Duration.ZERO);

        for (int i = 0; i < 3; i++) {
            executor.execute("Op", context -> "ok");
        }

        assertThat(sleeper.slept).isNotEmpty().allSatisfy(d -> assertThat(d).isPositive());
    }

    private static final class RecordingSleeperForTest implements Sleeper {
        final java.util.List<Duration> slept = new java.util.ArrayList<>();

        @Override
        public void sleep(Duration duration) {
            slept.add(duration);
        }
    }
}
