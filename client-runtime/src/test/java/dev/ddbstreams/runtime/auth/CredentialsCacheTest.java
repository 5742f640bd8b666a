package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Refresh ahead of expiry, under a clock the test moves. */
class CredentialsCacheTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final Instant EXPIRY = T0.plus(Duration.ofHours(1));

    private final MutableClock clock = new MutableClock(T0);
    private final AtomicInteger loads = new AtomicInteger();

    private static AwsCredentials expiringAt(String accessKeyId, Instant expiration) {
        return AwsCredentials.builder().accessKeyId(accessKeyId).secretAccessKey("secret").sessionToken("token")
                .expiration(expiration).build();
    }

    /** A loader answering from a queue: credentials, or an exception to throw. */
    private Supplier<AwsCredentials> loader(Object... answers) {
        Deque<Object> queue = new ArrayDeque<>(java.util.List.of(answers));
        return () -> {
            loads.incrementAndGet();
            Object answer = queue.removeFirst();
            if (answer instanceof RuntimeException e) {
                throw e;
            }
            return (AwsCredentials) answer;
        };
    }

    @Test
    void loadsOnceAndKeepsUntilThePrefetchWindow() {
        CredentialsCache cache = new CredentialsCache(loader(expiringAt("A", EXPIRY)), clock, "test");

        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        clock.set(EXPIRY.minus(CredentialsCache.PREFETCH_BEFORE_EXPIRY).minusSeconds(1));
        assertThat(cache.get().accessKeyId()).isEqualTo("A");

        assertThat(loads).hasValue(1);
    }

    @Test
    void refreshesInThePrefetchWindow() {
        CredentialsCache cache = new CredentialsCache(
                loader(expiringAt("A", EXPIRY), expiringAt("B", EXPIRY.plus(Duration.ofHours(1)))), clock, "test");
        cache.get();

        clock.set(EXPIRY.minus(CredentialsCache.PREFETCH_BEFORE_EXPIRY));

        assertThat(cache.get().accessKeyId()).isEqualTo("B");
        assertThat(cache.get().accessKeyId()).isEqualTo("B");
        assertThat(loads).hasValue(2);
    }

    @Test
    void otherCallersUseTheCachedCredentialsWhileOneRefreshes() throws Exception {
        CountDownLatch refreshing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        CredentialsCache cache = new CredentialsCache(() -> {
            if (calls.incrementAndGet() == 1) {
                return expiringAt("A", EXPIRY);
            }
            refreshing.countDown();
            await(release);
            return expiringAt("B", EXPIRY.plus(Duration.ofHours(1)));
        }, clock, "test");
        cache.get();
        clock.set(EXPIRY.minus(Duration.ofMinutes(3)));

        CompletableFuture<AwsCredentials> refresher = CompletableFuture.supplyAsync(cache::get);
        assertThat(refreshing.await(10, TimeUnit.SECONDS)).isTrue();
        // The refresh is blocked inside the loader; this caller must not wait for it.
        AwsCredentials meanwhile = cache.get();
        release.countDown();

        assertThat(meanwhile.accessKeyId()).isEqualTo("A");
        assertThat(refresher.get(10, TimeUnit.SECONDS).accessKeyId()).isEqualTo("B");
        assertThat(cache.get().accessKeyId()).isEqualTo("B");
    }

    @Test
    void staleCredentialsAreRefreshedBeforeUse() {
        CredentialsCache cache = new CredentialsCache(
                loader(expiringAt("A", EXPIRY), expiringAt("B", EXPIRY.plus(Duration.ofHours(1)))), clock, "test");
        cache.get();

        clock.set(EXPIRY.minus(CredentialsCache.STALE_BEFORE_EXPIRY));

        assertThat(cache.get().accessKeyId()).isEqualTo("B");
    }

    @Test
    void failedPrefetchKeepsTheCredentialsAndRetriesAfterAnInterval() {
        CredentialsCache cache = new CredentialsCache(loader(expiringAt("A", EXPIRY),
                new SdkClientException("endpoint down"), expiringAt("B", EXPIRY.plus(Duration.ofHours(1)))),
                clock, "test");
        cache.get();
        clock.set(EXPIRY.minus(Duration.ofMinutes(4)));

        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        assertThat(loads).hasValue(2);

        clock.advance(CredentialsCache.RETRY_INTERVAL);
        assertThat(cache.get().accessKeyId()).isEqualTo("B");
        assertThat(loads).hasValue(3);
    }

    @Test
    void failedRefreshOfStaleButValidCredentialsUsesThemUntilExpiry() {
        CredentialsCache cache = new CredentialsCache(loader(expiringAt("A", EXPIRY),
                new SdkClientException("endpoint down"), new SdkClientException("still down")), clock, "test");
        cache.get();
        clock.set(EXPIRY.minusSeconds(30));

        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        assertThat(loads).hasValue(2);

        clock.set(EXPIRY);
        assertThatThrownBy(cache::get).hasMessage("still down");
    }

    @Test
    void failureWithNothingCachedIsThrown() {
        CredentialsCache cache = new CredentialsCache(loader(new SdkClientException("no endpoint")), clock, "test");

        assertThatThrownBy(cache::get).isInstanceOf(SdkClientException.class).hasMessage("no endpoint");
    }

    @Test
    void credentialsWithoutExpirationAreKeptForGood() {
        CredentialsCache cache = new CredentialsCache(loader(AwsCredentials.create("A", "secret")), clock, "test");
        cache.get();

        clock.advance(Duration.ofDays(3650));

        assertThat(cache.get().accessKeyId()).isEqualTo("A");
        assertThat(loads).hasValue(1);
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the loader");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
