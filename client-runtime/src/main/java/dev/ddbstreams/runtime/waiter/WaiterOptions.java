package dev.ddbstreams.runtime.waiter;

import dev.ddbstreams.runtime.http.RetryScheduler;
import dev.ddbstreams.runtime.retry.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * How long and how often a waiter polls. Unset values take the model's defaults for that waiter; the timeout
 * bounds the whole wait, whatever the attempts allow. The clock measures the timeout; the blocking waiter pauses with
 * the sleeper, the asynchronous one with the scheduler (which only starts the next request).
 */
public final class WaiterOptions {

    private static final WaiterOptions DEFAULTS = builder().build();

    private final Duration delay;
    private final Integer maxAttempts;
    private final Duration timeout;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ScheduledExecutorService scheduler;

    private WaiterOptions(Builder builder) {
        this.delay = builder.delay;
        this.maxAttempts = builder.maxAttempts;
        this.timeout = builder.timeout;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
        this.scheduler = builder.scheduler;
    }

    /** The model's defaults, a real clock, real sleeping and the runtime's scheduler. */
    public static WaiterOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    Duration delayOr(Duration modelDelay) {
        return delay != null ? delay : modelDelay;
    }

    int maxAttemptsOr(int modelMaxAttempts) {
        return maxAttempts != null ? maxAttempts : modelMaxAttempts;
    }

    /** The overall timeout, or null for none beyond the attempts. */
    Duration timeout() {
        return timeout;
    }

    Clock clock() {
        return clock;
    }

    Sleeper sleeper() {
        return sleeper;
    }

    ScheduledExecutorService scheduler() {
        return scheduler != null ? scheduler : RetryScheduler.get();
    }

    /** Builds {@link WaiterOptions}. */
    public static final class Builder {
        private Duration delay;
        private Integer maxAttempts;
        private Duration timeout;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();
        private ScheduledExecutorService scheduler;

        private Builder() {}

        /** The pause between attempts (default: the model's {@code delay}). */
        public Builder delay(Duration delay) {
            Objects.requireNonNull(delay, "delay");
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative, but is " + delay);
            }
            this.delay = delay;
            return this;
        }

        /** How many times to poll at most (default: the model's {@code maxAttempts}). */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1, but is " + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The longest the whole wait may take (default: no limit beyond the attempts). */
        public Builder timeout(Duration timeout) {
            Objects.requireNonNull(timeout, "timeout");
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, but is " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** The clock the timeout is measured with. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How the blocking waiter waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Where the asynchronous waiter schedules its next attempt (default: the runtime's one daemon thread that also
         * times the asynchronous client's retries). Tests pass one that runs tasks on virtual time.
         */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
            return this;
        }

        public WaiterOptions build() {
            return new WaiterOptions(this);
        }
    }
}
