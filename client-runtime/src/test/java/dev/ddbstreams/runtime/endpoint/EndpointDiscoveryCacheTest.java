package dev.ddbstreams.runtime.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** The discovery cache's rules, on a clock the test moves and discoveries it completes by hand. */
class EndpointDiscoveryCacheTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    private final EndpointDiscoveryCache cache = new EndpointDiscoveryCache(clock);
    private final List<CompletableFuture<DiscoveredEndpoint>> started = new ArrayList<>();
    private final Supplier<CompletableFuture<DiscoveredEndpoint>> discover = () -> {
        CompletableFuture<DiscoveredEndpoint> future = new CompletableFuture<>();
        started.add(future);
        return future;
    };

    private static DiscoveredEndpoint endpoint(String address, long minutes) {
        return DiscoveredEndpoint.of(address, minutes);
    }

    @Test
    void requiredCallersShareOneDiscoveryAndThenUseItsEndpointUntilItExpires() {
        CompletableFuture<DiscoveredEndpoint> first = cache.required("AKID", discover);
        CompletableFuture<DiscoveredEndpoint> second = cache.required("AKID", discover);
        assertThat(started).hasSize(1);
        assertThat(first).isNotDone();

        started.get(0).complete(endpoint("cell-1.example.com", 10));

        assertThat(first.join().address()).isEqualTo("cell-1.example.com");
        assertThat(second.join().address()).isEqualTo("cell-1.example.com");
        clock.advance(Duration.ofMinutes(8));
        assertThat(cache.required("AKID", discover).join().address()).isEqualTo("cell-1.example.com");
        assertThat(started).as("nothing due yet").hasSize(1);
    }

    @Test
    void aDueEndpointIsRefreshedInTheBackgroundOnceWhileItIsStillUsed() {
        cache.required("AKID", discover);
        started.get(0).complete(endpoint("cell-1.example.com", 10));

        clock.advance(Duration.ofMinutes(9).plusSeconds(30));
        assertThat(cache.required("AKID", discover).join().address()).isEqualTo("cell-1.example.com");
        assertThat(cache.required("AKID", discover).join().address()).isEqualTo("cell-1.example.com");
        assertThat(started).as("one refresh for both callers").hasSize(2);

        started.get(1).complete(endpoint("cell-2.example.com", 10));
        assertThat(cache.required("AKID", discover).join().address()).isEqualTo("cell-2.example.com");
    }

    @Test
    void anExpiredEndpointIsNeverUsedForRequiredDiscovery() {
        cache.required("AKID", discover);
        started.get(0).complete(endpoint("cell-1.example.com", 10));
        clock.advance(Duration.ofMinutes(10));

        CompletableFuture<DiscoveredEndpoint> afterExpiry = cache.required("AKID", discover);

        assertThat(afterExpiry).isNotDone();
        started.get(1).completeExceptionally(new IllegalStateException("DescribeEndpoints is down"));
        assertThat(afterExpiry).isCompletedExceptionally();
        try {
            afterExpiry.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).hasMessage("DescribeEndpoints is down");
        }
        assertThat(cache.required("AKID", discover)).as("the next caller tries again at once").isNotDone();
        assertThat(started).hasSize(3);
    }

    @Test
    void keysAreKeptApart() {
        cache.required("AKID-1", discover);
        cache.required("AKID-2", discover);

        assertThat(started).hasSize(2);
    }

    @Test
    void optionalDiscoveryUsesTheDefaultUntilAnEndpointIsKnownAndBacksOffAfterAFailure() {
        assertThat(cache.optional("AKID", discover)).isNull();
        assertThat(cache.optional("AKID", discover)).isNull();
        assertThat(started).as("one background discovery").hasSize(1);

        started.get(0).completeExceptionally(new IllegalStateException("down"));
        assertThat(cache.optional("AKID", discover)).isNull();
        assertThat(started).as("not again right after a failure").hasSize(1);

        clock.advance(EndpointDiscoveryCache.RETRY_AFTER_FAILURE);
        assertThat(cache.optional("AKID", discover)).isNull();
        assertThat(started).hasSize(2);
        started.get(1).complete(endpoint("cell-1.example.com", 5));
        assertThat(cache.optional("AKID", discover).address()).isEqualTo("cell-1.example.com");
    }

    @Test
    void aDiscoveryThatFailsAtOnceDoesNotBreakTheCache() {
        CompletableFuture<DiscoveredEndpoint> failed = cache.required("AKID", () -> {
            throw new IllegalStateException("no credentials");
        });

        assertThat(failed).isCompletedExceptionally();
        CompletableFuture<DiscoveredEndpoint> next = cache.required("AKID",
                () -> CompletableFuture.completedFuture(endpoint("cell-1.example.com", 1)));
        assertThat(next.join().address()).isEqualTo("cell-1.example.com");
    }

    @Test
    void endpointsAreReadAsTheServiceGivesThem() {
        assertThat(DiscoveredEndpoint.of("a.example.com:8443", 1440L).cachePeriod()).isEqualTo(Duration.ofDays(1));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoveredEndpoint.of("", 1))
                .isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DiscoveredEndpoint.of("a", null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEvictedEndpointIsDiscoveredAnewButOnlyIfItIsStillTheOneTheFailedCallUsed() {
        cache.required("AKID", discover);
        started.get(0).complete(endpoint("cell-1.example.com", 10));

        cache.evict("AKID", found -> found.address().equals("cell-0.example.com"));
        assertThat(cache.required("AKID", discover).join().address()).as("another endpoint's failure").isEqualTo("cell-1.example.com");
        assertThat(started).hasSize(1);

        cache.evict("AKID", found -> found.address().equals("cell-1.example.com"));
        CompletableFuture<DiscoveredEndpoint> next = cache.required("AKID", discover);
        assertThat(next).isNotDone();
        assertThat(started).hasSize(2);
        started.get(1).complete(endpoint("cell-2.example.com", 10));
        assertThat(next.join().address()).isEqualTo("cell-2.example.com");
    }

    @Test
    void evictingKeepsADiscoveryInFlight() {
        cache.required("AKID", discover);
        started.get(0).complete(endpoint("cell-1.example.com", 10));
        clock.advance(Duration.ofMinutes(9).plusSeconds(30));
        cache.required("AKID", discover);
        assertThat(started).as("a refresh in flight").hasSize(2);

        cache.evict("AKID", found -> found.address().equals("cell-1.example.com"));
        CompletableFuture<DiscoveredEndpoint> waiting = cache.required("AKID", discover);
        assertThat(started).as("joins the refresh").hasSize(2);
        started.get(1).complete(endpoint("cell-2.example.com", 10));
        assertThat(waiting.join().address()).isEqualTo("cell-2.example.com");
    }
}
