package dev.ddbstreams.shapes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.streams.model.AttributeValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AttributeValue is a sealed union with the SDK v2 factory and accessor names. */
class AttributeValueTest {

    @Test
    void eachFactoryMakesItsVariantAndOnlyItsAccessorAnswers() {
        AttributeValue s = AttributeValue.fromS("text");
        assertThat(s.type()).isEqualTo(AttributeValue.Type.S);
        assertThat(s.s()).isEqualTo("text");
        assertThat(s.n()).isNull();
        assertThat(s.hasL()).isFalse();
        assertThat(s.l()).isEmpty();
        assertThat(s).isInstanceOf(AttributeValue.S.class);

        assertThat(AttributeValue.fromN("3.14").n()).isEqualTo("3.14");
        assertThat(AttributeValue.fromB(Bytes.fromUtf8String("hi")).b().asUtf8String()).isEqualTo("hi");
        assertThat(AttributeValue.fromSs(List.of("a", "b")).ss()).containsExactly("a", "b");
        assertThat(AttributeValue.fromNs(List.of("1")).ns()).containsExactly("1");
        assertThat(AttributeValue.fromBs(List.of(Bytes.fromUtf8String("x"))).bs()).hasSize(1);
        assertThat(AttributeValue.fromM(Map.of("k", AttributeValue.fromBool(true))).m().get("k").bool()).isTrue();
        assertThat(AttributeValue.fromL(List.of(AttributeValue.fromNul(true))).l().get(0).nul()).isTrue();
        assertThat(AttributeValue.fromL(List.of()).hasL()).isTrue();
        assertThat(AttributeValue.fromNul(true).type()).isEqualTo(AttributeValue.Type.NUL);
    }

    @Test
    void variantsAreValuesWithSdkStyleText() {
        assertThat(AttributeValue.fromS("x")).isEqualTo(AttributeValue.fromS("x")).hasSameHashCodeAs(AttributeValue.fromS("x"));
        assertThat(AttributeValue.fromS("1")).isNotEqualTo(AttributeValue.fromN("1"));
        assertThat(AttributeValue.fromB(Bytes.fromByteArray(new byte[] {1, 2})))
                .isEqualTo(AttributeValue.fromB(Bytes.fromByteArray(new byte[] {1, 2})));
        assertThat(AttributeValue.fromS("x").toString()).isEqualTo("AttributeValue(S=x)");
    }

    @Test
    void blobsCannotBeChangedThroughTheArrayTheyCameFrom() {
        byte[] raw = {1, 2, 3};
        AttributeValue b = AttributeValue.fromB(Bytes.fromByteArray(raw));
        raw[0] = 9;
        assertThat(b.b().asByteArray()).containsExactly(1, 2, 3);
        b.b().asByteArray()[1] = 9;
        assertThat(b.b().asByteArray()).containsExactly(1, 2, 3);
    }

    @Test
    void nestedCollectionsAreCopied() {
        List<AttributeValue> inner = new ArrayList<>(List.of(AttributeValue.fromS("a")));
        AttributeValue l = AttributeValue.fromL(inner);
        inner.add(AttributeValue.fromS("b"));
        assertThat(l.l()).hasSize(1);
        assertThatThrownBy(() -> l.l().add(AttributeValue.fromS("c"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullValuesAreRefused() {
        assertThatThrownBy(() -> AttributeValue.fromS(null)).isInstanceOf(NullPointerException.class).hasMessageContaining("AttributeValue.S");
    }

    @Test
    void unknownMembersAreAVariantOfTheirOwn() {
        AttributeValue unknown = new AttributeValue.Unknown("V", "{\"x\":1}");
        assertThat(unknown.type()).isEqualTo(AttributeValue.Type.UNKNOWN_TO_SDK_VERSION);
        assertThat(unknown.s()).isNull();
        assertThat(unknown.toString()).isEqualTo("AttributeValue(V={\"x\":1})");
    }
}
