package dev.ddbstreams.runtime.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.RecordingSleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class WaiterTest {

    static final class ServiceError extends AwsServiceException {
        private static final long serialVersionUID = 1L;

        ServiceError(String code, int status) {
            super(new AwsErrorDetails(code, "message", "req-1", status, "Test"));
        }
    }

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    // Time moves only when the waiter sleeps, so a test can run an hour of waiting at once.
    private final MutableClock clock = new MutableClock(START);
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** Answers with the statuses given, then throws the errors given (null means answer). */
    private static Function<String, String> script(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(List.of(answers));
        return request -> {
            Object next = queue.isEmpty() ? "ENABLING" : queue.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (String) next;
        };
    }

    /** The definition both waiters run; {@code AsyncWaiterTest} uses it too. */
    static final WaiterDefinition<String> STREAM_ENABLED = new WaiterDefinition<>("StreamEnabled", List.of(
            WaiterAcceptor.onResponse(WaiterState.SUCCESS, status -> WaiterMatchers.path(status, "ENABLED"), "status == ENABLED"),
            WaiterAcceptor.onResponse(WaiterState.FAILURE, status -> WaiterMatchers.path(status, "DISABLED"), "status == DISABLED"),
            WaiterAcceptor.onError(WaiterState.RETRY, error -> WaiterMatchers.errorCode(error, "ResourceNotFoundException"), "error ResourceNotFoundException")),
            Duration.ofSeconds(5), 10);

    private Waiter<String, String> waiter(Function<String, String> call, WaiterOptions.Builder options) {
        return new Waiter<>(STREAM_ENABLED, call, options.clock(clock).sleeper(sleeper).build());
    }

    @Test
    void pollsWithTheModelsDelayUntilSuccess() {
        WaiterResponse<String> result = waiter(script("ENABLING", "ENABLING", "ENABLED"), WaiterOptions.builder()).run("arn");
        assertThat(result.attemptsExecuted()).isEqualTo(3);
        assertThat(result.matched().response()).contains("ENABLED");
        assertThat(result.matched().exception()).isEmpty();
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void retriesOnAnExpectedErrorAndFailsAtOnceOnAnUnexpectedOne() {
        assertThat(waiter(script(new ServiceError("ResourceNotFoundException", 400), "ENABLED"), WaiterOptions.builder()).run("arn").attemptsExecuted())
                .isEqualTo(2);

        ServiceError denied = new ServiceError("AccessDeniedException", 403);
        assertThatThrownBy(() -> waiter(script("ENABLING", denied), WaiterOptions.builder()).run("arn"))
                .isInstanceOf(WaiterException.class)
                .isNotInstanceOf(WaiterTimeoutException.class)
                .hasMessageContaining("StreamEnabled failed on attempt 2 with an error no acceptor expects")
                .hasCause(denied);
    }

    @Test
    void aFailureAcceptorEndsTheWaitWithTheLastResponse() {
        assertThatThrownBy(() -> waiter(script("ENABLING", "DISABLED"), WaiterOptions.builder()).run("arn"))
                .isInstanceOfSatisfying(WaiterException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.lastResponse()).contains("DISABLED");
                    assertThat(e.getMessage()).contains("reached a failure state on attempt 2 (status == DISABLED)");
                });
    }

    @Test
    void runsOutOfAttempts() {
        assertThatThrownBy(() -> waiter(script(), WaiterOptions.builder().maxAttempts(4)).run("arn"))
                .isInstanceOfSatisfying(WaiterTimeoutException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(4);
                    assertThat(e.lastResponse()).contains("ENABLING");
                    assertThat(e.getMessage()).isEqualTo("StreamEnabled did not reach the awaited state in 4 attempts");
                });
        assertThat(sleeper.delays()).hasSize(3);
    }

    @Test
    void theOverallTimeoutBoundsTheWaitWhateverTheAttemptsAllow() {
        assertThatThrownBy(() -> waiter(script(), WaiterOptions.builder().delay(Duration.ofSeconds(20)).timeout(Duration.ofSeconds(50))).run("arn"))
                .isInstanceOfSatisfying(WaiterTimeoutException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(3);
                    assertThat(e.getMessage()).contains("within PT50S");
                });
        assertThat(sleeper.delays()).containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(20));
        assertThat(Duration.between(START, clock.instant())).isLessThanOrEqualTo(Duration.ofSeconds(50));
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> WaiterOptions.builder().maxAttempts(0)).hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> WaiterOptions.builder().timeout(Duration.ZERO)).hasMessageContaining("timeout must be positive");
    }

    @Test
    void matchersFollowTheWaiterRules() {
        assertThat(WaiterMatchers.path("A", "A")).isTrue();
        assertThat(WaiterMatchers.path(List.of("A"), "A")).as("a list never equals a string, as in JMESPath").isFalse();
        assertThat(WaiterMatchers.path(null, "A")).isFalse();
        assertThat(WaiterMatchers.path(3, 3L)).as("numbers compare by value").isTrue();
        assertThat(WaiterMatchers.path(true, true)).isTrue();
        assertThat(WaiterMatchers.pathAll("A", "A")).as("pathAll needs a list").isFalse();
        assertThat(WaiterMatchers.pathAll(List.of("A", "A"), "A")).isTrue();
        assertThat(WaiterMatchers.pathAll(List.of(), "A")).isFalse();
        assertThat(WaiterMatchers.pathAll(List.of("A", "B"), "A")).isFalse();
        assertThat(WaiterMatchers.pathAny(List.of("B", "A"), "A")).isTrue();
        assertThat(WaiterMatchers.status(new ServiceError("X", 404), 404)).isTrue();
        assertThat(WaiterMatchers.status(new IllegalStateException(), 404)).isFalse();
    }
}
