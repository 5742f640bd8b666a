package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * How a client retries: the AWS SDKs' standard retry mode unless configured otherwise. Immutable.
 *
 * <ul>
 *   <li>{@linkplain #maxAttempts() At most 3 attempts} per call, first one included; {@link #none()} makes one.
 *   <li>Before retry {@code n} (1 for the first) the client waits a random time, uniformly between zero and
 *       {@code min(maxBackoff, base × 2^(n-1))} ("full jitter"), where the base is {@linkplain #baseDelay() 100 ms}
 *       or, after throttling, {@linkplain #throttlingBaseDelay() 1 s}, and {@linkplain #maxBackoff() maxBackoff} is
 *       20 s.
 *   <li>Each client has a retry token bucket of {@linkplain #tokenBucketCapacity() 500 tokens}; a retry takes
 *       {@linkplain #retryCost() 5} ({@linkplain #timeoutRetryCost() 10} after a timeout), a call that succeeds at
 *       its first attempt returns 1, and one that succeeds after retrying returns what its last retry took. An empty
 *       bucket stops retries until successes refill it, so a failing service is not hammered.
 *   <li>What is retried is the {@linkplain #classifier() classifier}'s decision; by default
 *       {@link StandardRetryClassifier}.
 * </ul>
 *
 * <p>{@linkplain #mode() Adaptive mode} ({@link #adaptive()}) adds client-side rate limiting once the service
 * throttles (see {@link ClientRateLimiter}); everything above applies to it unchanged.
 *
 * <p>The {@linkplain #sleeper() sleeper} and the {@linkplain #random() random source} are replaceable so tests can
 * run the schedule without waiting and with known jitter.
 */
public final class RetryPolicy {

    /** Attempts per call unless configured: the first one and two retries. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;
    /** The base delay after a transient failure. */
    public static final Duration DEFAULT_BASE_DELAY = Duration.ofMillis(100);
    /** The base delay after throttling. */
    public static final Duration DEFAULT_THROTTLING_BASE_DELAY = Duration.ofSeconds(1);
    /** The longest wait between two attempts. */
    public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(20);
    /** Tokens in a full retry bucket. */
    public static final int DEFAULT_TOKEN_BUCKET_CAPACITY = 500;
    /** Tokens a retry takes. */
    public static final int DEFAULT_RETRY_COST = 5;
    /** Tokens a retry after a timeout takes. */
    public static final int DEFAULT_TIMEOUT_RETRY_COST = 10;

    private static final DoubleSupplier THREAD_LOCAL_RANDOM = () -> ThreadLocalRandom.current().nextDouble();
    private static final RetryPolicy STANDARD = builder().build();
    private static final RetryPolicy NONE = builder().maxAttempts(1).build();
    private static final RetryPolicy ADAPTIVE = builder().mode(RetryMode.ADAPTIVE).build();

    private final RetryMode mode;
    private final int maxAttempts;
    private final Duration baseDelay;
    private final Duration throttlingBaseDelay;
    private final Duration maxBackoff;
    private final int tokenBucketCapacity;
    private final int retryCost;
    private final int timeoutRetryCost;
    private final RetryClassifier classifier;
    private final Sleeper sleeper;
    private final DoubleSupplier random;

    private RetryPolicy(Builder builder) {
        this.mode = builder.mode;
        this.maxAttempts = builder.maxAttempts;
        this.baseDelay = builder.baseDelay;
        this.throttlingBaseDelay = builder.throttlingBaseDelay;
        this.maxBackoff = builder.maxBackoff;
        this.tokenBucketCapacity = builder.tokenBucketCapacity;
        this.retryCost = builder.retryCost;
        this.timeoutRetryCost = builder.timeoutRetryCost;
        this.classifier = builder.classifier;
        this.sleeper = builder.sleeper;
        this.random = builder.random;
    }

    /** The standard retry mode with its defaults. */
    public static RetryPolicy standard() {
        return STANDARD;
    }

    /** The adaptive retry mode with the standard defaults: standard retries plus client-side rate limiting. */
    public static RetryPolicy adaptive() {
        return ADAPTIVE;
    }

    /** The defaults of {@code mode}: {@link #standard()} or {@link #adaptive()}. */
    public static RetryPolicy forMode(RetryMode mode) {
        return switch (Objects.requireNonNull(mode, "mode")) {
            case STANDARD -> STANDARD;
            case ADAPTIVE -> ADAPTIVE;
        };
    }

    /** No retries: every call makes exactly one attempt. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder holding the standard defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy's settings. */
    public Builder toBuilder() {
        return new Builder()
                .mode(mode)
                .maxAttempts(maxAttempts)
                .baseDelay(baseDelay)
                .throttlingBaseDelay(throttlingBaseDelay)
                .maxBackoff(maxBackoff)
                .tokenBucketCapacity(tokenBucketCapacity)
                .retryCost(retryCost)
                .timeoutRetryCost(timeoutRetryCost)
                .classifier(classifier)
                .sleeper(sleeper)
                .random(random);
    }

    /** Standard, or adaptive with client-side rate limiting. */
    public RetryMode mode() {
        return mode;
    }

    /** The most attempts a call makes, the first one included; 1 means no retries. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The base of the exponential backoff after a transient failure or a timeout. */
    public Duration baseDelay() {
        return baseDelay;
    }

    /** The base of the exponential backoff after throttling. */
    public Duration throttlingBaseDelay() {
        return throttlingBaseDelay;
    }

    /** The cap on any single wait. */
    public Duration maxBackoff() {
        return maxBackoff;
    }

    /** The size of the client's retry token bucket, which starts full. */
    public int tokenBucketCapacity() {
        return tokenBucketCapacity;
    }

    /** The tokens a retry takes from the bucket. */
    public int retryCost() {
        return retryCost;
    }

    /** The tokens a retry after a timeout takes. */
    public int timeoutRetryCost() {
        return timeoutRetryCost;
    }

    /** Decides which failures are retried, and how. */
    public RetryClassifier classifier() {
        return classifier;
    }

    /** Waits between attempts. */
    public Sleeper sleeper() {
        return sleeper;
    }

    /** The jitter source: each call returns a number in {@code [0, 1)}. */
    public DoubleSupplier random() {
        return random;
    }

    @Override
    public String toString() {
        return "RetryPolicy(mode=" + mode + ", maxAttempts=" + maxAttempts + ", baseDelay=" + baseDelay
                + ", throttlingBaseDelay=" + throttlingBaseDelay + ", maxBackoff=" + maxBackoff
                + ", tokenBucketCapacity=" + tokenBucketCapacity + ", retryCost=" + retryCost
                + ", timeoutRetryCost=" + timeoutRetryCost + ", classifier=" + classifier + ")";
    }

    /** Collects settings; starts from the standard defaults. */
    public static final class Builder {

        private RetryMode mode = RetryMode.STANDARD;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private Duration baseDelay = DEFAULT_BASE_DELAY;
        private Duration throttlingBaseDelay = DEFAULT_THROTTLING_BASE_DELAY;
        private Duration maxBackoff = DEFAULT_MAX_BACKOFF;
        private int tokenBucketCapacity = DEFAULT_TOKEN_BUCKET_CAPACITY;
        private int retryCost = DEFAULT_RETRY_COST;
        private int timeoutRetryCost = DEFAULT_TIMEOUT_RETRY_COST;
        private RetryClassifier classifier = RetryClassifier.standard();
        private Sleeper sleeper = Sleeper.system();
        private DoubleSupplier random = THREAD_LOCAL_RANDOM;

        private Builder() {}

        /** Standard (the default), or adaptive: standard plus client-side rate limiting once the service throttles. */
        public Builder mode(RetryMode mode) {
            this.mode = Objects.requireNonNull(mode, "mode");
            return this;
        }

        /**
         * The most attempts per call, the first one included: 1 turns retries off.
         *
         * @throws IllegalArgumentException when less than 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1 (1 means no retries): "
                        + maxAttempts);
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The backoff base after transient failures and timeouts; zero or more. */
        public Builder baseDelay(Duration baseDelay) {
            this.baseDelay = nonNegative(baseDelay, "baseDelay");
            return this;
        }

        /** The backoff base after throttling; zero or more. */
        public Builder throttlingBaseDelay(Duration throttlingBaseDelay) {
            this.throttlingBaseDelay = nonNegative(throttlingBaseDelay, "throttlingBaseDelay");
            return this;
        }

        /** The cap on any single wait; zero or more. */
        public Builder maxBackoff(Duration maxBackoff) {
            this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
            return this;
        }

        /** The size of the retry token bucket; zero or more (zero allows no retries at all). */
        public Builder tokenBucketCapacity(int tokenBucketCapacity) {
            this.tokenBucketCapacity = nonNegative(tokenBucketCapacity, "tokenBucketCapacity");
            return this;
        }

        /** The tokens a retry takes; zero or more (zero disables the bucket's limit). */
        public Builder retryCost(int retryCost) {
            this.retryCost = nonNegative(retryCost, "retryCost");
            return this;
        }

        /** The tokens a retry after a timeout takes; zero or more. */
        public Builder timeoutRetryCost(int timeoutRetryCost) {
            this.timeoutRetryCost = nonNegative(timeoutRetryCost, "timeoutRetryCost");
            return this;
        }

        /** What is retried, and how. */
        public Builder classifier(RetryClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** How the client waits between attempts. */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /** The jitter source: must return numbers in {@code [0, 1)} and be thread-safe. */
        public Builder random(DoubleSupplier random) {
            this.random = Objects.requireNonNull(random, "random");
            return this;
        }

        /** The policy. */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }

        private static int nonNegative(int value, String name) {
            if (value < 0) {
                throw new IllegalArgumentException(name + " must not be negative: " + value);
            }
            return value;
        }
    }
}
