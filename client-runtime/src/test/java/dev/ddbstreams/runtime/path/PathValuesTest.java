package dev.ddbstreams.runtime.path;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JMESPath's comparison, truthiness and function rules, as the JMESPath specification states them. */
class PathValuesTest {

    @Test
    void numbersAreEqualByValueWhateverTheirJavaType() {
        assertThat(PathValues.equal(1, 1L)).isTrue();
        assertThat(PathValues.equal(1, 1.0)).isTrue();
        assertThat(PathValues.equal(new BigDecimal("2.50"), 2.5f)).isTrue();
        assertThat(PathValues.equal(BigInteger.TEN, (short) 10)).isTrue();
        assertThat(PathValues.equal(1, 2L)).isFalse();
        assertThat(PathValues.equal(0.1, new BigDecimal("0.1"))).as("the double nearest 0.1 is not 0.1").isFalse();
    }

    @Test
    void valuesOfDifferentKindsAreNeverEqualButTwoNullsAre() {
        assertThat(PathValues.equal(true, 1)).isFalse();
        assertThat(PathValues.equal("1", 1)).isFalse();
        assertThat(PathValues.equal(null, null)).isTrue();
        assertThat(PathValues.equal(null, "")).isFalse();
        assertThat(PathValues.equal(List.of("a"), "a")).isFalse();
    }

    @Test
    void listsAndMapsCompareElementByElement() {
        assertThat(PathValues.equal(List.of(1, 2), List.of(1L, 2.0))).isTrue();
        assertThat(PathValues.equal(List.of(1, 2), List.of(2, 1))).isFalse();
        assertThat(PathValues.equal(Map.of("a", 1), Map.of("a", 1L))).isTrue();
        assertThat(PathValues.equal(Map.of("a", 1), Map.of("b", 1))).isFalse();
    }

    @Test
    void falseValuesAreNullFalseAndEmptyOnes() {
        for (Object falsy : Arrays.asList(null, false, "", List.of(), Map.of())) {
            assertThat(PathValues.truthy(falsy)).as("%s", falsy).isFalse();
        }
        for (Object truthy : List.of(true, "x", 0, List.of(1), Map.of("k", "v"), new Object())) {
            assertThat(PathValues.truthy(truthy)).as("%s", truthy).isTrue();
        }
        assertThat(PathValues.or("", "b")).isEqualTo("b");
        assertThat(PathValues.or("a", "b")).isEqualTo("a");
        assertThat(PathValues.and("a", "b")).isEqualTo("b");
        assertThat(PathValues.and("", "b")).isEqualTo("");
    }

    @Test
    void orderingIsForNumbersAndNullOtherwise() {
        assertThat(PathValues.greaterThan(2, 1L)).isTrue();
        assertThat(PathValues.greaterThanOrEqual(1, 1.0)).isTrue();
        assertThat(PathValues.lessThan(1.5, 2)).isTrue();
        assertThat(PathValues.lessThanOrEqual(3, 2)).isFalse();
        assertThat(PathValues.greaterThan(null, 1)).isNull();
    }

    @Test
    void functions() {
        assertThat(PathValues.length("h\uD83D\uDE00i")).as("code points, not chars").isEqualTo(3);
        assertThat(PathValues.length(null)).isNull();
        assertThat(PathValues.contains(List.of(1, 2), 2L)).isTrue();
        assertThat(PathValues.contains("ACTIVE", "TIV")).isTrue();
        assertThat(PathValues.contains(null, "x")).isFalse();
        assertThat(PathValues.startsWith("arn:aws", "arn:")).isTrue();
        assertThat(PathValues.endsWith("a.json", ".json")).isTrue();
        assertThat(PathValues.index(List.of("a", "b", "c"), -1)).isEqualTo("c");
        assertThat(PathValues.index(List.of("a"), 3)).isNull();
        assertThat(PathValues.index(List.<String>of(), -1)).isNull();
        assertThat(PathValues.listOf("a", null)).containsExactly("a", null);
    }
}
