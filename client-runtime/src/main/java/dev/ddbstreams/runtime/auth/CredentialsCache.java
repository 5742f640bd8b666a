package dev.ddbstreams.runtime.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Keeps temporary credentials and fetches new ones ahead of their expiry without making every caller wait.
 *
 * <ul>
 *   <li>From {@link #PREFETCH_BEFORE_EXPIRY} before expiry, one caller at a time fetches new credentials while the
 *       others go on with the cached ones.
 *   <li>From {@link #STALE_BEFORE_EXPIRY} before expiry (or when nothing is cached), callers wait for the fetch,
 *       which only one of them makes.
 *   <li>When a fetch fails while the cached credentials are still valid, they are used until they expire, and one
 *       caller tries again at most every {@link #RETRY_INTERVAL}; a failing endpoint is not called by every request.
 * </ul>
 *
 * Credentials without an expiration are kept for good.
 */
final class CredentialsCache {

    static final Duration PREFETCH_BEFORE_EXPIRY = Duration.ofMinutes(5);
    static final Duration STALE_BEFORE_EXPIRY = Duration.ofMinutes(1);
    static final Duration RETRY_INTERVAL = Duration.ofSeconds(10);

    private static final System.Logger LOG = System.getLogger(CredentialsCache.class.getName());

    /** Credentials and when to refresh them. */
    private record Entry(AwsCredentials credentials, Instant prefetchAt, Instant staleAt) {

        static Entry of(AwsCredentials credentials) {
            Instant expiration = credentials.expiration().orElse(null);
            if (expiration == null) {
                return new Entry(credentials, Instant.MAX, Instant.MAX);
            }
            return new Entry(credentials, expiration.minus(PREFETCH_BEFORE_EXPIRY),
                    expiration.minus(STALE_BEFORE_EXPIRY));
        }

        /** After a failed fetch: used until expiry, fetched again in a while. */
        Entry retryLater(Instant now) {
            Instant expiration = credentials.expiration().orElse(Instant.MAX);
            Instant retry = now.plus(RETRY_INTERVAL);
            return new Entry(credentials, retry.isBefore(expiration) ? retry : expiration, expiration);
        }

        boolean validAt(Instant now) {
            return credentials.expiration().map(now::isBefore).orElse(true);
        }
    }

    private final Supplier<AwsCredentials> loader;
    private final Clock clock;
    private final String source;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Entry entry;

    /**
     * @param loader fetches new credentials, or throws saying why it cannot
     * @param source what the loader fetches from, for log messages
     */
    CredentialsCache(Supplier<AwsCredentials> loader, Clock clock, String source) {
        this.loader = loader;
        this.clock = clock;
        this.source = source;
    }

    AwsCredentials get() {
        Entry current = entry;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.staleAt())) {
            if (!now.isBefore(current.prefetchAt()) && lock.tryLock()) {
                try {
                    prefetch();
                } finally {
                    lock.unlock();
                }
                return entry.credentials();
            }
            return current.credentials();
        }
        lock.lock();
        try {
            return refreshIfStale();
        } finally {
            lock.unlock();
        }
    }

    /** Holding the lock: fetches unless another caller already did. */
    private void prefetch() {
        Entry current = entry;
        Instant now = clock.instant();
        if (now.isBefore(current.prefetchAt())) {
            return;
        }
        try {
            entry = Entry.of(loader.get());
        } catch (RuntimeException e) {
            entry = current.retryLater(now);
            LOG.log(System.Logger.Level.WARNING, () -> "Unable to refresh credentials from " + source
                    + " ahead of their expiry; using the current ones until " + current.staleAt() + ": " + e);
        }
    }

    /** Holding the lock: fetches unless another caller already did; a failure keeps still valid credentials. */
    private AwsCredentials refreshIfStale() {
        Entry current = entry;
        Instant now = clock.instant();
        if (current != null && now.isBefore(current.staleAt())) {
            return current.credentials();
        }
        try {
            Entry fresh = Entry.of(loader.get());
            entry = fresh;
            return fresh.credentials();
        } catch (RuntimeException e) {
            if (current != null && current.validAt(now)) {
                entry = current.retryLater(now);
                LOG.log(System.Logger.Level.WARNING, () -> "Unable to refresh credentials from " + source
                        + "; using the current ones, which expire at " + current.credentials().expiration()
                        .orElseThrow() + ": " + e);
                return current.credentials();
            }
            throw e;
        }
    }
}
