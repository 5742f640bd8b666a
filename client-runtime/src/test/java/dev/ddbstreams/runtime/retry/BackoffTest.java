package dev.ddbstreams.runtime.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Exponential ceilings, full jitter beneath them, the cap. */
class BackoffTest {

    private static Backoff backoff(double random) {
        return new Backoff(RetryPolicy.builder().random(() -> random).build());
    }

    @Test
    void ceilingsDoubleFromTheBaseUpToTheCap() {
        Backoff backoff = backoff(0.5);

        assertThat(backoff.ceiling(1, false)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.ceiling(2, false)).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.ceiling(3, false)).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.ceiling(8, false)).isEqualTo(Duration.ofMillis(12_800));
        assertThat(backoff.ceiling(9, false)).isEqualTo(Duration.ofSeconds(20));
        assertThat(backoff.ceiling(1_000, false)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void throttlingStartsFromALargerBase() {
        Backoff backoff = backoff(0.5);

        assertThat(backoff.ceiling(1, true)).isEqualTo(Duration.ofSeconds(1));
        assertThat(backoff.ceiling(2, true)).isEqualTo(Duration.ofSeconds(2));
        assertThat(backoff.ceiling(5, true)).isEqualTo(Duration.ofSeconds(16));
        assertThat(backoff.ceiling(6, true)).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void delayIsTheRandomFractionOfTheCeiling() {
        assertThat(backoff(0.0).delay(3, false)).isEqualTo(Duration.ZERO);
        assertThat(backoff(0.25).delay(3, false)).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff(0.999_999).delay(2, true)).isLessThan(Duration.ofSeconds(2))
                .isGreaterThan(Duration.ofMillis(1_999));
    }

    @Test
    void zeroBaseMeansNoWait() {
        Backoff backoff = new Backoff(RetryPolicy.builder().baseDelay(Duration.ZERO).random(() -> 0.9).build());

        assertThat(backoff.delay(5, false)).isEqualTo(Duration.ZERO);
    }

    @Test
    void randomOutsideTheUnitIntervalIsABug() {
        assertThatThrownBy(() -> backoff(1.0).delay(1, false)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> backoff(-0.1).delay(1, false)).isInstanceOf(IllegalStateException.class);
    }
}
