package dev.ddbstreams.runtime.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quicktheories.QuickTheory;
import org.quicktheories.core.Gen;

/**
 * The fast path for timestamps must give exactly what the exact {@code BigDecimal} conversion gives whenever it
 * answers at all, and must decline (null) whenever that conversion finds the value out of range.
 */
class EpochSecondsTextTest {

    private static QuickTheory qt() {
        QuickTheory theory = QuickTheory.qt().withExamples(20_000);
        return "true".equals(System.getenv("CI")) ? theory.withFixedSeed(20261126L) : theory;
    }

    private static Instant fast(String text) {
        return EpochSecondsText.parse(("xx" + text + "yy").toCharArray(), 2, text.length());
    }

    private static Instant exact(String text) {
        return JsonReading.instantOf(new BigDecimal(text));
    }

    /** JSON numbers in the shapes a service writes and around them: signs, fractions, exponents, many digits. */
    private static Gen<String> jsonNumbers() {
        Gen<String> integerPart = longs().between(0, Long.MAX_VALUE)
                .zip(integers().between(0, 19), (value, digits) -> {
                    String text = Long.toString(value);
                    return text.substring(0, Math.max(1, Math.min(text.length(), digits)));
                });
        Gen<String> fraction = longs().between(0, Long.MAX_VALUE)
                .zip(integers().between(-1, 19), (value, digits) -> {
                    if (digits < 0) {
                        return "";
                    }
                    String text = String.format("%019d", value);
                    return "." + text.substring(0, Math.max(1, digits));
                });
        Gen<String> exponent = integers().between(-40, 40)
                .zip(integers().between(0, 4), (value, form) -> switch (form) {
                    case 0 -> "";
                    case 1 -> "E" + value;
                    case 2 -> "e" + (value >= 0 ? "+" + value : value);
                    case 3 -> "E" + (value * 100);
                    default -> "e" + value;
                });
        Gen<Boolean> negative = integers().between(0, 3).map(i -> i == 0);
        return negative.zip(integerPart, fraction, exponent,
                (minus, whole, part, power) -> (minus ? "-" : "") + whole + part + power);
    }

    @Test
    void agreesWithTheExactConversionWheneverItAnswers() {
        qt().forAll(jsonNumbers()).checkAssert(text -> {
            Instant fast = fast(text);
            Instant exact = exact(text);
            if (fast != null) {
                assertThat(fast).as(text).isEqualTo(exact);
            }
            if (exact == null) {
                assertThat(fast).as(text).isNull();
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"1478793480", "1478793480.123", "1.47879348E9", "1.7672256E9", "-1.5", "0", "-0",
        "0.0000000001", "-0.0000000001", "-0.00000000000000001", "1E-9", "-1E-9", "31556889864403199",
        "-31557014167219200", "1.23456789012345678E3", "0E999"})
    void theServicesFormsAreAnsweredWithoutFallingBack(String text) {
        assertThat(fast(text)).as(text).isNotNull().isEqualTo(exact(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"31556889864403200", "-31557014167219200.5", "1E19", "12345678901234567890",
        "1E1000", "1.5E-30", "31556889864403199.999999999", "-", "", "1.2.3", "1e", "1x"})
    void theRestIsLeftToTheExactConversion(String text) {
        assertThat(fast(text)).as(text).isNull();
    }
}
