package dev.ddbstreams.wire;

import static dev.ddbstreams.wire.RoundTripPropertiesTest.unmarshal;
import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.wire.ShapeGenerators.Options;
import dev.ddbstreams.wire.WireModel.Member;
import dev.ddbstreams.wire.WireModel.Shape;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.quicktheories.core.Gen;

/**
 * The generated shapes are values: a copy through {@code toBuilder()} is equal, {@code equals} and
 * {@code hashCode} agree, and two values are equal exactly when their wire content is, so {@code equals} misses no
 * member. Checked for every structure and union of the model.
 */
class ValueLawsPropertiesTest {

    private static final int EXAMPLES = 2_000;
    private static final int SHRINK_CYCLES = 20_000;

    private final WireModel model = WireModel.get();
    private final ShapeAccess access = new ShapeAccess(model);
    private final ShapeGenerators everything = new ShapeGenerators(model, Options.everything());
    // Without unknown union members, whose JSON text is compared as text: content-equal but differently spelled
    // unknown members would be unequal values, and the wire-content law would not hold for a reason of no interest.
    private final ShapeGenerators comparable = new ShapeGenerators(model, Options.forSdkComparison());

    @TestFactory
    Stream<DynamicContainer> structuresAreValues() {
        return model.shapesWithCodecs().stream().filter(Shape::isStructure).map(shape ->
                DynamicContainer.dynamicContainer(shape.name(), Stream.of(
                        DynamicTest.dynamicTest("toBuilder().build() equals x", () -> copiesThroughBuilder(shape)),
                        DynamicTest.dynamicTest("equals and hashCode agree", () -> equalsAgreesWithHashCode(shape)),
                        DynamicTest.dynamicTest("changing any one member makes it unequal",
                                () -> everyMemberCounts(shape)))));
    }

    @TestFactory
    Stream<DynamicContainer> unionsAreValues() {
        return model.shapesWithCodecs().stream().filter(Shape::union).map(shape ->
                DynamicContainer.dynamicContainer(shape.name(), Stream.of(
                        DynamicTest.dynamicTest("equals and hashCode agree", () -> equalsAgreesWithHashCode(shape)),
                        DynamicTest.dynamicTest("equal exactly when the wire content is equal",
                                () -> equalExactlyWhenContentIs(shape)))));
    }

    private void copiesThroughBuilder(Shape shape) {
        PropertyRuns.qt(EXAMPLES, SHRINK_CYCLES).forAll(everything.of(shape.name())).checkAssert(value -> {
            Object copy = access.copyThroughBuilder(value);
            assertThat(copy).isEqualTo(value).isNotSameAs(value);
            assertThat(copy.hashCode()).isEqualTo(value.hashCode());
        });
    }

    private void equalsAgreesWithHashCode(Shape shape) {
        WireCodec codec = WireCodec.of(model, shape.name());
        int examples = shape.union() && model.isRecursive(shape.name())
                ? RoundTripPropertiesTest.RECURSIVE_EXAMPLES : EXAMPLES;
        PropertyRuns.qt(examples, SHRINK_CYCLES).forAll(everything.of(shape.name())).checkAssert(value -> {
            // An equal value that shares no object with the original: read back from the wire.
            Object copy = unmarshal(codec, codec.marshal(value));
            assertThat(value).isEqualTo(value).isNotEqualTo(null).isNotEqualTo(new Object());
            assertThat(copy).isEqualTo(value);
            assertThat(value).isEqualTo(copy);
            assertThat(copy.hashCode()).isEqualTo(value.hashCode());
        });
    }

    private void everyMemberCounts(Shape shape) {
        WireCodec codec = WireCodec.of(model, shape.name());
        Gen<Object> values = comparable.of(shape.name());
        Gen<Object[]> changes = in -> {
            Object value = values.generate(in);
            Member member = shape.members().get((int) ScalarGenerators.draw(in, 0, shape.members().size() - 1));
            Object builder = access.toBuilder(value);
            access.set(builder, member, comparable.memberValue(in, member));
            return new Object[] {value, access.buildFrom(builder), member.name()};
        };
        PropertyRuns.qt(EXAMPLES, SHRINK_CYCLES).forAll(changes.describedAs(change ->
                "member " + change[2] + " of " + ShapeGenerators.describe(codec, change[0])
                        + "\n    changed to " + ShapeGenerators.describe(codec, change[1])))
                .checkAssert(change -> {
                    boolean sameContent = Objects.equals(JsonTree.parse(codec.marshal(change[0])),
                            JsonTree.parse(codec.marshal(change[1])));
                    assertThat(change[0].equals(change[1])).isEqualTo(sameContent);
                    assertThat(change[1].equals(change[0])).isEqualTo(sameContent);
                });
    }

    private void equalExactlyWhenContentIs(Shape shape) {
        WireCodec codec = WireCodec.of(model, shape.name());
        Gen<Object> values = comparable.of(shape.name());
        Gen<Object[]> pairs = in -> new Object[] {values.generate(in), values.generate(in)};
        PropertyRuns.qt(RoundTripPropertiesTest.RECURSIVE_EXAMPLES, SHRINK_CYCLES).forAll(pairs.describedAs(pair ->
                ShapeGenerators.describe(codec, pair[0]) + "\n    and " + ShapeGenerators.describe(codec, pair[1])))
                .checkAssert(pair -> {
                    boolean sameContent = Objects.equals(JsonTree.parse(codec.marshal(pair[0])),
                            JsonTree.parse(codec.marshal(pair[1])));
                    assertThat(pair[0].equals(pair[1])).isEqualTo(sameContent);
                    if (sameContent) {
                        assertThat(pair[0].hashCode()).isEqualTo(pair[1].hashCode());
                    }
                });
    }
}
