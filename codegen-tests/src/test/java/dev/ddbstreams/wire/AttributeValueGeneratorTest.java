package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.streams.model.AttributeValue;
import dev.ddbstreams.wire.ShapeGenerators.Options;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The round-trip properties are only as strong as the values they draw: this checks that the generated
 * {@code AttributeValue}s reach everything the wire format has to carry (every member and unknown ones, four levels
 * of {@code M} and {@code L}, sets of several distinct members, empty, non-ASCII and escape-heavy strings, tiny and
 * huge numbers, every byte value).
 */
class AttributeValueGeneratorTest {

    private final Set<AttributeValue.Type> types = EnumSet.noneOf(AttributeValue.Type.class);
    private final Set<Integer> byteValues = new HashSet<>();
    private int deepestNesting;
    private boolean emptyString;
    private boolean supplementaryCharacter;
    private boolean controlCharacter;
    private boolean quoteAndBackslash;
    private boolean numberWithNegativeExponent;
    private boolean numberWith38Digits;
    private int largestSet;
    private final Set<AttributeValue> distinctValues = new HashSet<>();
    private int checked;

    @Test
    void valuesCoverTheWireFormat() {
        PropertyRuns.qt(2_000, 0).withFixedSeed(42L)
                .forAll(new ShapeGenerators(WireModel.get(), Options.everything()).of("AttributeValue"))
                .checkAssert(value -> {
                    checked++;
                    distinctValues.add((AttributeValue) value);
                    visit((AttributeValue) value, 1);
                });

        // QuickTheories skips a draw sequence it has tried before, which small values repeat ({"BOOL":true} is
        // three draws): of the 2,000 examples asked for, three in four are checked (1,542 with this seed), and
        // most of those differ. The properties' example counts are upper bounds in the same way.
        assertThat(checked).isGreaterThan(1_400);
        assertThat(distinctValues).hasSizeGreaterThan(1_200);

        assertThat(types).containsAll(EnumSet.allOf(AttributeValue.Type.class));
        assertThat(deepestNesting).isEqualTo(5);
        assertThat(largestSet).isGreaterThanOrEqualTo(3);
        assertThat(byteValues).hasSize(256);
        assertThat(emptyString).isTrue();
        assertThat(supplementaryCharacter).isTrue();
        assertThat(controlCharacter).isTrue();
        assertThat(quoteAndBackslash).isTrue();
        assertThat(numberWithNegativeExponent).isTrue();
        assertThat(numberWith38Digits).isTrue();
    }

    private void visit(AttributeValue value, int depth) {
        types.add(value.type());
        deepestNesting = Math.max(deepestNesting, depth);
        value.m().forEach((key, element) -> {
            text(key);
            visit(element, depth + 1);
        });
        value.l().forEach(element -> visit(element, depth + 1));
        if (value.s() != null) {
            text(value.s());
        }
        value.ss().forEach(this::text);
        if (value.n() != null) {
            number(value.n());
        }
        value.ns().forEach(this::number);
        if (value.b() != null) {
            bytes(value.b());
        }
        value.bs().forEach(this::bytes);
        for (List<?> set : List.of(value.ss(), value.ns(), value.bs())) {
            assertThat(new HashSet<>(set)).as("members of a set are distinct").hasSameSizeAs(set);
            largestSet = Math.max(largestSet, set.size());
        }
    }

    private void text(String text) {
        emptyString |= text.isEmpty();
        supplementaryCharacter |= text.codePoints().anyMatch(Character::isSupplementaryCodePoint);
        controlCharacter |= text.chars().anyMatch(c -> c < 0x20);
        quoteAndBackslash |= text.contains("\"") && text.contains("\\");
    }

    private void number(String number) {
        numberWithNegativeExponent |= number.matches(".*[eE]-\\d+");
        numberWith38Digits |= number.replaceAll("\\D", "").length() >= 38;
    }

    private void bytes(Bytes bytes) {
        for (byte b : bytes.asByteArrayUnsafe()) {
            byteValues.add(b & 0xFF);
        }
    }
}
