package dev.ddbstreams.runtime.retry;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * The client-side rate limiter of the AWS SDKs' adaptive retry mode: a token bucket that every attempt takes one
 * token from, refilled at a rate that follows the service's throttling.
 *
 * <ul>
 *   <li>Until the service first throttles, the bucket is off and attempts go at once.
 *   <li>The client measures the rate it actually sends at (requests per half-second, smoothed).
 *   <li>On throttling, the fill rate drops to 0.7 × the rate it was sending at (CUBIC's multiplicative
 *       decrease), and the bucket is on from then.
 *   <li>After each success the fill rate grows back along CUBIC's curve,
 *       {@code C × (t − K)³ + maxRate} with {@code K = ∛(maxRate × (1 − β) / C)}, where {@code t} is the time since
 *       the last throttle, {@code maxRate} the rate at that throttle and {@code C} 0.4; it never
 *       exceeds twice the measured sending rate.
 * </ul>
 *
 * <p>{@link #acquire()} never blocks: it takes the token (the bucket may go into debt) and returns how long the
 * caller must wait before sending, so blocking callers sleep and asynchronous ones schedule. Thread-safe; time comes
 * from the given nanosecond source, so tests drive it with a fake clock.
 */
public final class ClientRateLimiter {

    static final double MIN_FILL_RATE = 0.5;
    static final double MIN_CAPACITY = 1;
    static final double SMOOTH = 0.8;
    static final double BETA = 0.7;
    static final double SCALE_CONSTANT = 0.4;

    private final LongSupplier nanoTime;

    private boolean enabled;
    private double fillRate = MIN_FILL_RATE;
    private double maxCapacity = MIN_CAPACITY;
    private double currentCapacity;
    private double lastTimestamp = Double.NaN;
    private double measuredTxRate;
    private double lastTxRateBucket;
    private long requestCount;
    private double lastMaxRate;
    private double lastThrottleTime;
    private double timeWindow;

    /** A limiter reading time from {@code nanoTime} (such as {@code System::nanoTime}). */
    public ClientRateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        double now = seconds();
        this.lastTxRateBucket = Math.floor(now);
        this.lastThrottleTime = now;
    }

    /**
     * Takes a token for the next attempt; returns how long to wait before sending it (zero while the service has not
     * throttled, or while the bucket holds tokens).
     */
    public synchronized Duration acquire() {
        if (!enabled) {
            return Duration.ZERO;
        }
        refill(seconds());
        currentCapacity -= 1;
        if (currentCapacity >= 0) {
            return Duration.ZERO;
        }
        return Duration.ofNanos((long) (-currentCapacity / fillRate * 1e9));
    }

    /** Adjusts the sending rate after an attempt's outcome: throttled or not. */
    public synchronized void update(boolean throttled) {
        double now = seconds();
        updateMeasuredRate(now);
        double calculatedRate;
        if (throttled) {
            double rateToUse = enabled ? Math.min(measuredTxRate, fillRate) : measuredTxRate;
            lastMaxRate = rateToUse;
            calculateTimeWindow();
            lastThrottleTime = now;
            calculatedRate = rateToUse * BETA;
            enabled = true;
        } else {
            calculateTimeWindow();
            calculatedRate = SCALE_CONSTANT * Math.pow(now - lastThrottleTime - timeWindow, 3) + lastMaxRate;
        }
        updateRate(Math.min(calculatedRate, 2 * measuredTxRate), now);
    }

    /** The rate the bucket refills at, in requests per second; meaningful once {@link #enabled()}. */
    public synchronized double fillRate() {
        return fillRate;
    }

    /** The sending rate measured, in requests per second, smoothed. */
    public synchronized double measuredSendRate() {
        return measuredTxRate;
    }

    /** Whether the service has throttled, so attempts now take tokens. */
    public synchronized boolean enabled() {
        return enabled;
    }

    private void refill(double now) {
        if (Double.isNaN(lastTimestamp)) {
            lastTimestamp = now;
            return;
        }
        currentCapacity = Math.min(maxCapacity, currentCapacity + (now - lastTimestamp) * fillRate);
        lastTimestamp = now;
    }

    private void updateRate(double newRate, double now) {
        refill(now);
        fillRate = Math.max(newRate, MIN_FILL_RATE);
        maxCapacity = Math.max(newRate, MIN_CAPACITY);
        currentCapacity = Math.min(currentCapacity, maxCapacity);
    }

    private void updateMeasuredRate(double now) {
        double timeBucket = Math.floor(now * 2) / 2;
        requestCount++;
        if (timeBucket > lastTxRateBucket) {
            double currentRate = requestCount / (timeBucket - lastTxRateBucket);
            measuredTxRate = currentRate * SMOOTH + measuredTxRate * (1 - SMOOTH);
            requestCount = 0;
            lastTxRateBucket = timeBucket;
        }
    }

    private void calculateTimeWindow() {
        timeWindow = Math.cbrt(lastMaxRate * (1 - BETA) / SCALE_CONSTANT);
    }

    private double seconds() {
        return nanoTime.getAsLong() / 1e9;
    }

    @Override
    public synchronized String toString() {
        return "ClientRateLimiter(enabled=" + enabled + ", fillRate=" + fillRate + ", measuredSendRate="
                + measuredTxRate + ")";
    }
}
