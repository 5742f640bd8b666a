package dev.ddbstreams.runtime.endpoint;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The endpoints a client discovered, per key (the credentials' access key id, plus the request's identifiers where
 * the model names them), each kept for the period the service gave it. Thread-safe.
 *
 * <ul>
 *   <li>A valid endpoint is used as it is; from {@link #REFRESH_AHEAD} before it expires (or the last tenth of its
 *       period, when that is shorter), one caller starts a discovery in the background while everyone goes on with it.
 *   <li>{@link #required}: without a valid endpoint, the caller waits for a discovery; concurrent callers wait for the
 *       same one. If it fails, the callers fail (an expired endpoint is never used).
 *   <li>{@link #optional}: without a valid endpoint, the caller goes to the client's own endpoint and a discovery
 *       starts in the background, at most one per key at a time and not again within {@link #RETRY_AFTER_FAILURE} of
 *       a failed one.
 * </ul>
 * Discoveries are made by the function each call passes, which starts one and returns its future; the cache never
 * blocks and never calls it while holding a lock.
 */
public final class EndpointDiscoveryCache {

    /** How long before expiry an endpoint is refreshed in the background. */
    public static final Duration REFRESH_AHEAD = Duration.ofMinutes(1);

    /** How long after a failed background discovery the next may start. */
    public static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(10);

    /** A key's state: its endpoint (null before the first discovery) and the discovery in flight, if any. */
    private record Entry(DiscoveredEndpoint endpoint, Instant expiresAt, CompletableFuture<DiscoveredEndpoint> inFlight,
                         Instant retryAfter) {

        boolean valid(Instant now) {
            return endpoint != null && now.isBefore(expiresAt);
        }

        boolean due(Instant now) {
            Duration ahead = endpoint.cachePeriod().dividedBy(10);
            ahead = ahead.compareTo(REFRESH_AHEAD) < 0 ? ahead : REFRESH_AHEAD;
            return !now.isBefore(expiresAt.minus(ahead));
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;

    /** @param clock what expiry is measured with */
    public EndpointDiscoveryCache(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * The endpoint for {@code key}: at once when a valid one is known, else when {@code discover} has found one.
     * The future fails with the discovery's failure.
     */
    public CompletableFuture<DiscoveredEndpoint> required(String key, Supplier<CompletableFuture<DiscoveredEndpoint>> discover) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.valid(now)) {
            refreshIfDue(key, entry, now, discover);
            return CompletableFuture.completedFuture(entry.endpoint());
        }
        return start(key, discover, true);
    }

    /**
     * The valid endpoint for {@code key}, or null when there is none (the caller then uses its own endpoint); either
     * way a discovery is started in the background when one is due.
     */
    public DiscoveredEndpoint optional(String key, Supplier<CompletableFuture<DiscoveredEndpoint>> discover) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry != null && entry.valid(now)) {
            refreshIfDue(key, entry, now, discover);
            return entry.endpoint();
        }
        start(key, discover, false);
        return null;
    }

    /** Forgets every endpoint (after a service answered that an endpoint is no longer valid, say). */
    public void clear() {
        entries.clear();
    }

    /**
     * Forgets {@code key}'s endpoint if it is still the one a failed call used: the service answered a call sent
     * there that it is no longer valid, so the next call discovers anew. An endpoint found meanwhile, and a
     * discovery in flight, are kept.
     *
     * @param key the key the call's endpoint was found for
     * @param used whether an endpoint is the one the call was sent to
     */
    public void evict(String key, Predicate<DiscoveredEndpoint> used) {
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.endpoint() == null || !used.test(entry.endpoint())) {
                return entry;
            }
            return entry.inFlight() == null ? null : new Entry(null, Instant.MIN, entry.inFlight(), entry.retryAfter());
        });
    }

    private void refreshIfDue(String key, Entry entry, Instant now, Supplier<CompletableFuture<DiscoveredEndpoint>> discover) {
        if (entry.due(now) && entry.inFlight() == null) {
            start(key, discover, false);
        }
    }

    /**
     * The discovery in flight for {@code key}, or a new one. A new one is started only when {@code force} is set or no
     * failure was recent; otherwise the result is null.
     */
    private CompletableFuture<DiscoveredEndpoint> start(String key, Supplier<CompletableFuture<DiscoveredEndpoint>> discover,
                                                        boolean force) {
        CompletableFuture<DiscoveredEndpoint> promise = new CompletableFuture<>();
        Instant now = clock.instant();
        Entry installed = entries.compute(key, (k, entry) -> {
            if (entry != null && entry.inFlight() != null) {
                return entry;
            }
            if (!force && entry != null && entry.retryAfter() != null && now.isBefore(entry.retryAfter())) {
                return entry;
            }
            return entry == null ? new Entry(null, Instant.MIN, promise, null)
                    : new Entry(entry.endpoint(), entry.expiresAt(), promise, entry.retryAfter());
        });
        if (installed.inFlight() != promise) {
            return installed.inFlight();
        }
        // Outside compute: a discovery that completes at once must not update the map from inside its own compute.
        promise.whenComplete((endpoint, failure) -> finish(key, promise, endpoint, failure));
        CompletableFuture<DiscoveredEndpoint> discovery;
        try {
            discovery = Objects.requireNonNull(discover.get(), "discovery");
        } catch (RuntimeException e) {
            discovery = CompletableFuture.failedFuture(e);
        }
        discovery.whenComplete((endpoint, failure) -> {
            if (failure != null) {
                promise.completeExceptionally(failure);
            } else {
                promise.complete(endpoint);
            }
        });
        return promise;
    }

    private void finish(String key, CompletableFuture<DiscoveredEndpoint> promise, DiscoveredEndpoint endpoint, Throwable failure) {
        Instant now = clock.instant();
        entries.computeIfPresent(key, (k, entry) -> {
            if (entry.inFlight() != promise) {
                return entry;
            }
            return failure == null
                    ? new Entry(endpoint, now.plus(endpoint.cachePeriod()), null, null)
                    : new Entry(entry.endpoint(), entry.expiresAt(), null, now.plus(RETRY_AFTER_FAILURE));
        });
    }

    @Override
    public String toString() {
        return "EndpointDiscoveryCache(" + entries.size() + " keys)";
    }
}
