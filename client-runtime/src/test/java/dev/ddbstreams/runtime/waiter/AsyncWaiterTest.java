package dev.ddbstreams.runtime.waiter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.RecordingSleeper;
import dev.ddbstreams.runtime.testing.VirtualScheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The asynchronous waiter on virtual time: the sync waiter's outcomes, without blocking, and cancellable. */
class AsyncWaiterTest {

    static final class ServiceError extends AwsServiceException {
        private static final long serialVersionUID = 1L;

        ServiceError(String code) {
            super(new AwsErrorDetails(code, "message", "req-1", 400, "Test"));
        }
    }

    private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final VirtualScheduler scheduler = new VirtualScheduler(clock);
    private final List<CompletableFuture<String>> calls = new ArrayList<>();

    /** An answer that never comes. */
    private static final Object PENDING = new Object();

    /** Answers each call with the next of {@code answers} (an exception fails it; {@link #PENDING} leaves it pending). */
    private Function<String, CompletableFuture<String>> script(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(java.util.Arrays.asList(answers));
        return request -> {
            Object next = queue.isEmpty() ? "ENABLING" : queue.poll();
            CompletableFuture<String> call = new CompletableFuture<>();
            calls.add(call);
            if (next instanceof Throwable e) {
                call.completeExceptionally(e);
            } else if (next != PENDING) {
                call.complete((String) next);
            }
            return call;
        };
    }

    private AsyncWaiter<String, String> waiter(Function<String, CompletableFuture<String>> call, WaiterOptions.Builder options) {
        return new AsyncWaiter<>(WaiterTest.STREAM_ENABLED, call, options.clock(clock).scheduler(scheduler).build());
    }

    /** Runs scheduled attempts until the wait is over, as time passing would. */
    private <T> CompletableFuture<T> runToEnd(CompletableFuture<T> wait) {
        while (!wait.isDone() && scheduler.runNext()) {
            // each scheduled task starts the next attempt, which answers at once here
        }
        return wait;
    }

    @Test
    void pollsOnTheSchedulerWithTheModelsDelayUntilSuccess() {
        CompletableFuture<WaiterResponse<String>> wait = waiter(script("ENABLING", "ENABLING", "ENABLED"), WaiterOptions.builder()).run("arn");
        assertThat(wait).isNotDone();
        assertThat(calls).as("the first attempt starts at once").hasSize(1);
        assertThat(scheduler.pending()).as("the next one is scheduled, no thread waits").isEqualTo(1);

        WaiterResponse<String> result = runToEnd(wait).join();
        assertThat(result.attemptsExecuted()).isEqualTo(3);
        assertThat(result.matched().response()).contains("ENABLED");
        assertThat(scheduler.delays()).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(Duration.between(START, clock.instant())).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void agreesWithTheBlockingWaiterOnEveryOutcome() {
        Object[][] scripts = {
            {"ENABLED"},
            {"ENABLING", "DISABLED"},
            {new ServiceError("ResourceNotFoundException"), "ENABLED"},
            {"ENABLING", new ServiceError("AccessDeniedException")},
            {},
        };
        for (Object[] answers : scripts) {
            String blocking = outcome(() -> new Waiter<>(WaiterTest.STREAM_ENABLED, syncOf(answers),
                    WaiterOptions.builder().maxAttempts(4).clock(new MutableClock(START)).sleeper(new RecordingSleeper(new MutableClock(START))).build())
                    .run("arn"));
            String async = outcome(() -> {
                try {
                    return runToEnd(waiter(script(answers), WaiterOptions.builder().maxAttempts(4)).run("arn")).join();
                } catch (CompletionException e) {
                    throw (RuntimeException) e.getCause();
                }
            });
            assertThat(async).as("script %s", List.of(answers)).isEqualTo(blocking);
        }
    }

    private static Function<String, String> syncOf(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(java.util.Arrays.asList(answers));
        return request -> {
            Object next = queue.isEmpty() ? "ENABLING" : queue.poll();
            if (next instanceof RuntimeException e) {
                throw e;
            }
            return (String) next;
        };
    }

    private static String outcome(java.util.function.Supplier<WaiterResponse<String>> wait) {
        try {
            WaiterResponse<String> response = wait.get();
            return "done after " + response.attemptsExecuted() + ": " + response.matched();
        } catch (WaiterException e) {
            return e.getClass().getSimpleName() + " after " + e.attempts() + ": " + e.getMessage() + " / " + e.lastResponse() + " / " + e.lastError();
        }
    }

    @Test
    void theTimeoutIsMeasuredOnTheOptionsClock() {
        CompletableFuture<WaiterResponse<String>> wait = runToEnd(waiter(script(), WaiterOptions.builder().delay(Duration.ofSeconds(20))
                .timeout(Duration.ofSeconds(50))).run("arn"));
        assertThatThrownBy(wait::join).cause().isInstanceOfSatisfying(WaiterTimeoutException.class, e -> {
            assertThat(e.attempts()).isEqualTo(3);
            assertThat(e.getMessage()).contains("within PT50S");
        });
    }

    @Test
    void cancellingDuringThePauseCancelsTheNextAttempt() {
        CompletableFuture<WaiterResponse<String>> wait = waiter(script("ENABLING"), WaiterOptions.builder()).run("arn");
        assertThat(scheduler.pending()).isEqualTo(1);
        assertThat(wait.cancel(true)).isTrue();
        assertThat(scheduler.pending()).as("the scheduled attempt is cancelled").isZero();
        assertThat(calls).hasSize(1);
        assertThatThrownBy(wait::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void cancellingDuringACallCancelsTheCall() {
        CompletableFuture<WaiterResponse<String>> wait = waiter(script(PENDING), WaiterOptions.builder()).run("arn");
        assertThat(calls).singleElement().satisfies(call -> assertThat(call).isNotDone());
        wait.cancel(true);
        assertThat(calls.get(0)).isCancelled();
        assertThat(scheduler.pending()).isZero();
    }

    @Test
    void aCallThatThrowsInsteadOfFailingItsFutureIsTreatedAsAFailedAttempt() {
        CompletableFuture<WaiterResponse<String>> wait = waiter(request -> {
            throw new ServiceError("ResourceNotFoundException");
        }, WaiterOptions.builder().maxAttempts(2)).run("arn");
        assertThatThrownBy(() -> runToEnd(wait).join()).cause()
                .isInstanceOf(WaiterTimeoutException.class)
                .hasMessage("StreamEnabled did not reach the awaited state in 2 attempts");
    }
}
