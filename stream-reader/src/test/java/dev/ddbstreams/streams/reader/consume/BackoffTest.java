package dev.ddbstreams.streams.reader.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(10);

    @Test
    void theDelayDoublesFromTheBaseUpToTheMaximumWithJitterInTheUpperHalf() {
        Backoff lowest = new Backoff(BASE, MAX, () -> 0.0);
        Backoff highest = new Backoff(BASE, MAX, () -> 0.999_999);
        long[] ceilings = {100, 200, 400, 800, 1600, 3200, 6400, 10_000, 10_000};
        for (int attempt = 1; attempt <= ceilings.length; attempt++) {
            long ceiling = ceilings[attempt - 1];
            assertThat(lowest.delay(attempt)).isEqualTo(Duration.ofMillis(ceiling / 2));
            assertThat(highest.delay(attempt).toMillis()).isBetween(ceiling - 1, ceiling);
        }
    }

    @Test
    void manyAttemptsStayAtTheMaximumWithoutOverflow() {
        Backoff backoff = new Backoff(BASE, MAX, () -> 0.5);
        assertThat(backoff.delay(Integer.MAX_VALUE)).isEqualTo(Duration.ofMillis(7500));
    }

    @Test
    void attemptsCountFromOne() {
        assertThatThrownBy(() -> new Backoff(BASE, MAX).delay(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
