package dev.ddbstreams.runtime.retry;

import static dev.ddbstreams.runtime.retry.RetryTestExceptions.service;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Attempts, the token bucket and the decisions, without any waiting. */
class RetryStrategyTest {

    private static final RuntimeException TRANSIENT = service(500, "InternalServerError");
    private static final RuntimeException THROTTLED = service(400, "LimitExceededException");
    private static final RuntimeException TIMEOUT = new SdkClientException("timed out", new SocketTimeoutException());

    private static RetryStrategy strategy(RetryPolicy.Builder policy) {
        return RetryStrategy.create(policy.random(() -> 0.5).build());
    }

    @Test
    void defaultsAreThoseOfStandardMode() {
        RetryPolicy policy = RetryPolicy.standard();

        assertThat(policy.maxAttempts()).isEqualTo(3);
        assertThat(policy.baseDelay()).isEqualTo(Duration.ofMillis(100));
        assertThat(policy.throttlingBaseDelay()).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.maxBackoff()).isEqualTo(Duration.ofSeconds(20));
        assertThat(policy.tokenBucketCapacity()).isEqualTo(500);
        assertThat(policy.retryCost()).isEqualTo(5);
        assertThat(policy.timeoutRetryCost()).isEqualTo(10);
        assertThat(RetryPolicy.none().maxAttempts()).isEqualTo(1);
    }

    @Test
    void retriesUntilMaxAttempts() {
        RetryStrategy strategy = strategy(RetryPolicy.builder());
        RetryToken token = strategy.acquireInitialToken();

        RetryDecision first = strategy.refreshRetryToken(token, TRANSIENT, Optional.empty());
        RetryDecision second = strategy.refreshRetryToken(token, TRANSIENT, Optional.empty());
        RetryDecision third = strategy.refreshRetryToken(token, TRANSIENT, Optional.empty());

        assertThat(first.shouldRetry()).isTrue();
        assertThat(first.delay()).isEqualTo(Duration.ofMillis(50));
        assertThat(second.delay()).isEqualTo(Duration.ofMillis(100));
        assertThat(third.reason()).isEqualTo(RetryDecision.Reason.MAX_ATTEMPTS_REACHED);
        assertThat(token.attempt()).isEqualTo(3);
    }

    @Test
    void throttlingWaitsFromTheLargerBase() {
        RetryStrategy strategy = strategy(RetryPolicy.builder());

        assertThat(strategy.refreshRetryToken(strategy.acquireInitialToken(), THROTTLED, Optional.empty()).delay())
                .isEqualTo(Duration.ofMillis(500));
    }

    @Test
    void neverRetriedFailuresStopAtOnceAndCostNothing() {
        RetryStrategy strategy = strategy(RetryPolicy.builder());

        RetryDecision decision = strategy.refreshRetryToken(strategy.acquireInitialToken(),
                service(400, "ExpiredIteratorException"), Optional.empty());

        assertThat(decision.reason()).isEqualTo(RetryDecision.Reason.NOT_RETRYABLE);
        assertThat(strategy.availableRetryTokens()).isEqualTo(500);
    }

    @Test
    void retriesTakeTokensAndTimeoutsTakeMore() {
        RetryStrategy strategy = strategy(RetryPolicy.builder().maxAttempts(10));
        RetryToken token = strategy.acquireInitialToken();

        strategy.refreshRetryToken(token, TRANSIENT, Optional.empty());
        assertThat(strategy.availableRetryTokens()).isEqualTo(495);
        strategy.refreshRetryToken(token, TIMEOUT, Optional.empty());
        assertThat(strategy.availableRetryTokens()).isEqualTo(485);
        strategy.refreshRetryToken(token, THROTTLED, Optional.empty());
        assertThat(strategy.availableRetryTokens()).isEqualTo(480);
    }

    @Test
    void emptyBucketStopsRetriesUntilSuccessesRefillIt() {
        RetryStrategy strategy = strategy(RetryPolicy.builder().maxAttempts(100).tokenBucketCapacity(12));
        RetryToken failing = strategy.acquireInitialToken();

        assertThat(strategy.refreshRetryToken(failing, TRANSIENT, Optional.empty()).shouldRetry()).isTrue();
        assertThat(strategy.refreshRetryToken(failing, TRANSIENT, Optional.empty()).shouldRetry()).isTrue();
        RetryDecision exhausted = strategy.refreshRetryToken(failing, TRANSIENT, Optional.empty());
        assertThat(exhausted.reason()).isEqualTo(RetryDecision.Reason.RETRY_QUOTA_EXHAUSTED);
        assertThat(strategy.availableRetryTokens()).isEqualTo(2);

        // A call retried once and then successful returns its retry's cost; first-attempt successes return one.
        RetryToken other = strategy.acquireInitialToken();
        strategy.recordSuccess(other);
        strategy.recordSuccess(strategy.acquireInitialToken());
        strategy.recordSuccess(strategy.acquireInitialToken());
        assertThat(strategy.availableRetryTokens()).isEqualTo(5);
        RetryToken retried = strategy.acquireInitialToken();
        assertThat(strategy.refreshRetryToken(retried, TRANSIENT, Optional.empty()).shouldRetry()).isTrue();
        assertThat(strategy.availableRetryTokens()).isZero();
        strategy.recordSuccess(retried);
        assertThat(strategy.availableRetryTokens()).isEqualTo(5);
    }

    @Test
    void bucketNeverOverfills() {
        RetryStrategy strategy = strategy(RetryPolicy.builder());

        for (int i = 0; i < 10; i++) {
            strategy.recordSuccess(strategy.acquireInitialToken());
        }

        assertThat(strategy.availableRetryTokens()).isEqualTo(500);
    }

    @Test
    void waitPastTheCallTimeoutStopsWithoutTakingTokens() {
        RetryStrategy strategy = strategy(RetryPolicy.builder());

        RetryDecision decision = strategy.refreshRetryToken(strategy.acquireInitialToken(), THROTTLED,
                Optional.of(Duration.ofMillis(500)));

        assertThat(decision.reason()).isEqualTo(RetryDecision.Reason.CALL_TIMEOUT);
        assertThat(strategy.availableRetryTokens()).isEqualTo(500);
    }

    @Test
    void invalidPoliciesAreRejected() {
        assertThatThrownBy(() -> RetryPolicy.builder().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1 means no retries");
        assertThatThrownBy(() -> RetryPolicy.builder().baseDelay(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RetryPolicy.builder().retryCost(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toBuilderKeepsEverything() {
        RetryPolicy policy = RetryPolicy.builder().maxAttempts(7).baseDelay(Duration.ofMillis(5))
                .throttlingBaseDelay(Duration.ofMillis(50)).maxBackoff(Duration.ofSeconds(3))
                .tokenBucketCapacity(9).retryCost(2).timeoutRetryCost(3).build();

        assertThat(policy.toBuilder().build()).hasToString(policy.toString());
    }
}
