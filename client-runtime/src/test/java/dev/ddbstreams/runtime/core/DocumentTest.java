package dev.ddbstreams.runtime.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DocumentTest {

    @Test
    void eachKindHasItsFactoryAndAccessor() {
        assertThat(Document.fromNull().isNull()).isTrue();
        assertThat(Document.fromBoolean(true).asBoolean()).isTrue();
        assertThat(Document.fromString("x").asString()).isEqualTo("x");
        assertThat(Document.fromNumber(42).asLong()).isEqualTo(42);
        assertThat(Document.fromNumber(1.5).asDouble()).isEqualTo(1.5);
        assertThat(Document.fromNumber(new BigDecimal("1.50")).asNumberText()).isEqualTo("1.50");
        assertThat(Document.fromNumber(new BigInteger("123456789012345678901234567890")).asBigDecimal())
                .isEqualTo(new BigDecimal("123456789012345678901234567890"));
        assertThat(Document.fromList(Document.fromNull(), Document.fromNumber(1)).asList()).hasSize(2);
        assertThat(Document.fromMap(Map.of("k", Document.fromString("v"))).asMap()).containsEntry("k", Document.fromString("v"));
        assertThat(Document.fromMap(Map.of()).type()).isEqualTo(Document.Type.MAP);
    }

    @Test
    void numbersKeepTheirExactText() {
        assertThat(Document.fromNumber("6.0200e23").asNumberText()).isEqualTo("6.0200e23");
        assertThat(Document.fromNumber("1.0")).isNotEqualTo(Document.fromNumber("1")).isEqualTo(Document.fromNumber("1.0"));
        assertThat(Document.fromNumber("1e400").asBigDecimal()).isEqualTo(new BigDecimal("1e400"));
        assertThatThrownBy(() -> Document.fromNumber("1.5").asLong()).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "01", "1.", ".5", "+1", "1e", "1e+", "NaN", "Infinity", "0x10", "1 ", " 1", "1,0", "--1"})
    void refusesTextThatIsNotAJsonNumber(String text) {
        assertThatThrownBy(() -> Document.fromNumber(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a JSON number");
    }

    @Test
    void refusesNumbersJsonCannotHold() {
        assertThatThrownBy(() -> Document.fromNumber(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Document.fromNumber(Double.POSITIVE_INFINITY)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listsAndMapsAreUnmodifiableCopiesThatKeepOrder() {
        List<Document> elements = new ArrayList<>(List.of(Document.fromNumber(1)));
        Document list = Document.fromList(elements);
        elements.add(Document.fromNumber(2));
        assertThat(list.asList()).containsExactly(Document.fromNumber(1));
        assertThatThrownBy(() -> list.asList().add(Document.fromNull())).isInstanceOf(UnsupportedOperationException.class);

        Map<String, Document> entries = new LinkedHashMap<>();
        entries.put("z", Document.fromNumber(1));
        entries.put("a", Document.fromNumber(2));
        Document map = Document.fromMap(entries);
        entries.clear();
        assertThat(map.asMap().keySet()).containsExactly("z", "a");
        assertThatThrownBy(() -> map.asMap().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void mapsAreEqualWhateverTheOrderOfTheirKeys() {
        Map<String, Document> one = new LinkedHashMap<>();
        one.put("a", Document.fromNumber(1));
        one.put("b", Document.fromNull());
        Map<String, Document> other = new LinkedHashMap<>();
        other.put("b", Document.fromNull());
        other.put("a", Document.fromNumber(1));
        assertThat(Document.fromMap(one)).isEqualTo(Document.fromMap(other)).hasSameHashCodeAs(Document.fromMap(other));
        assertThat(Document.fromString("1")).isNotEqualTo(Document.fromNumber(1));
    }

    @Test
    void refusesNullsWithTheJsonNullNamed() {
        List<Document> withNull = new ArrayList<>();
        withNull.add(null);
        assertThatThrownBy(() -> Document.fromList(withNull)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Document.fromNull()");
        Map<String, Document> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        assertThatThrownBy(() -> Document.fromMap(nullValue)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("key k");
        assertThatThrownBy(() -> Document.fromString(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theWrongAccessorSaysWhatTheDocumentIs() {
        assertThatThrownBy(() -> Document.fromString("x").asNumberText())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this document is a string, not a number");
        assertThatThrownBy(() -> Document.fromNull().asMap())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("this document is null, not a map");
    }

    @Test
    void nestingIsBoundedSoEveryDocumentCanBeSentComparedAndPrinted() {
        Document deep = Document.fromNull();
        for (int i = 0; i < Document.MAX_DEPTH; i++) {
            deep = i % 2 == 0 ? Document.fromList(deep) : Document.fromMap(Map.of("k", deep));
        }
        assertThat(deep.toString()).startsWith("{\"k\":[{");
        Document deepest = deep;
        assertThatThrownBy(() -> Document.fromList(deepest))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more than " + Document.MAX_DEPTH + " levels deep");
    }

    @Test
    void toStringIsCompactJson() {
        Map<String, Document> entries = new LinkedHashMap<>();
        entries.put("s", Document.fromString("a\"b\\c\n\u0001"));
        entries.put("n", Document.fromNumber("-1.5E+3"));
        entries.put("l", Document.fromList(Document.fromBoolean(false), Document.fromNull()));
        assertThat(Document.fromMap(entries)).hasToString("{\"s\":\"a\\\"b\\\\c\\n\\u0001\",\"n\":-1.5E+3,\"l\":[false,null]}");
    }
}
