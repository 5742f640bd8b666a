package dev.ddbstreams.runtime.retry;

import java.util.Locale;
import java.util.Optional;

/**
 * The AWS SDKs' retry modes, as {@code aws.retryMode}, {@code AWS_RETRY_MODE} and the profile's {@code retry_mode}
 * name them.
 */
public enum RetryMode {

    /** Exponential backoff with jitter and a retry quota: see {@link RetryPolicy}. */
    STANDARD,

    /**
     * {@link #STANDARD}, plus client-side rate limiting once the service throttles: every attempt first takes a token
     * from a bucket refilled at a rate that drops on throttling and recovers along a cubic curve (the AWS SDKs'
     * adaptive mode; see {@link ClientRateLimiter}).
     */
    ADAPTIVE;

    /**
     * The mode a setting names, in any case: {@code standard}; {@code adaptive} or {@code adaptive_v2} (the AWS SDK
     * for Java v2's name for its corrected adaptive mode, which keeps the rate limiter's state per client, as this
     * one does); or {@code legacy}, which the SDK still accepts and this client, having no legacy mode, treats as
     * {@code standard}. Empty for anything else.
     */
    public static Optional<RetryMode> fromSetting(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "standard":
            case "legacy":
                return Optional.of(STANDARD);
            case "adaptive":
            case "adaptive_v2":
                return Optional.of(ADAPTIVE);
            default:
                return Optional.empty();
        }
    }
}
