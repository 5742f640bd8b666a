package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.wire.ShapeGenerators.Options;
import dev.ddbstreams.wire.WireModel.Shape;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every shape with a JSON codec survives the wire: reading what was written gives the value back, and writing
 * is stable (what is read back writes the very same bytes). One pair of properties per shape of the model, so a
 * shape added to the model is covered without a change here.
 */
class RoundTripPropertiesTest {

    private static final int EXAMPLES = 2_000;
    /** For a recursive union (AttributeValue): the shape most likely to break. */
    static final int RECURSIVE_EXAMPLES = 10_000;
    private static final int SHRINK_CYCLES = 20_000;

    private final WireModel model = WireModel.get();
    private final ShapeGenerators generators = new ShapeGenerators(model, Options.everything());

    @TestFactory
    Stream<DynamicContainer> everyShapeRoundTrips() {
        return model.shapesWithCodecs().stream().map(shape -> DynamicContainer.dynamicContainer(shape.name(),
                Stream.of(
                        DynamicTest.dynamicTest("unmarshal(marshal(x)) equals x", () -> readsBackEqual(shape)),
                        DynamicTest.dynamicTest("marshal(unmarshal(marshal(x))) has the same bytes",
                                () -> writesStably(shape)))));
    }

    private void readsBackEqual(Shape shape) {
        WireCodec codec = WireCodec.of(model, shape.name());
        PropertyRuns.qt(examples(shape), SHRINK_CYCLES).forAll(generators.of(shape.name())).checkAssert(value -> {
            byte[] json = codec.marshal(value);
            assertThat(unmarshal(codec, json)).as("read back from %s", utf8(json)).isEqualTo(value);
        });
    }

    private void writesStably(Shape shape) {
        WireCodec codec = WireCodec.of(model, shape.name());
        PropertyRuns.qt(examples(shape), SHRINK_CYCLES).forAll(generators.of(shape.name())).checkAssert(value -> {
            byte[] json = codec.marshal(value);
            assertThat(utf8(codec.marshal(unmarshal(codec, json)))).isEqualTo(utf8(json));
        });
    }

    private int examples(Shape shape) {
        return shape.union() && model.isRecursive(shape.name()) ? RECURSIVE_EXAMPLES : EXAMPLES;
    }

    static Object unmarshal(WireCodec codec, byte[] json) {
        try {
            return codec.unmarshal(json);
        } catch (java.io.IOException e) {
            throw new AssertionError("cannot read back " + utf8(json), e);
        }
    }

    static String utf8(byte[] json) {
        return new String(json, StandardCharsets.UTF_8);
    }
}
