package dev.ddbstreams.wire;

import static dev.ddbstreams.wire.ScalarGenerators.draw;
import static dev.ddbstreams.wire.ScalarGenerators.drawBoolean;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.wire.WireModel.Member;
import dev.ddbstreams.wire.WireModel.Shape;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.core.RandomnessSource;

/**
 * QuickTheories generators for every shape of the model, built by walking the model rather than written one by
 * one: a structure draws each member (present or absent), a union one member, a list or map up to a few
 * elements, and scalars come from {@link ScalarGenerators}. Recursion (the {@code M} and {@code L} of
 * {@code AttributeValue}) is bounded by {@link Options#maxNesting}: past it a union draws only members that cannot
 * nest further.
 *
 * <p>Two facts that the model does not state come from DynamoDB: {@code NumberAttributeValue} strings are
 * numbers, and the {@code *SetAttributeValue} lists are sets, so their members are distinct.
 */
final class ShapeGenerators {

    /**
     * What to generate. {@code sdkComparable} keeps to what the AWS SDK for Java v2 can represent the same way:
     * no union members unknown to the model (the SDK drops their content), timestamps in whole milliseconds (the
     * SDK's precision).
     */
    record Options(int maxNesting, int maxElements, int maxTextLength, boolean sdkComparable) {

        /** Everything our codecs must carry: unknown union members and enum values, nanosecond timestamps. */
        static Options everything() {
            return new Options(4, 4, 12, false);
        }

        /** What the AWS SDK for Java v2 can represent as we do. */
        static Options forSdkComparison() {
            return new Options(4, 4, 12, true);
        }
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final WireModel model;
    private final ShapeAccess access;
    private final Options options;
    private final Map<String, Boolean> recursive = new HashMap<>();
    private final Map<String, Constructor<?>> unknownVariants = new HashMap<>();

    ShapeGenerators(WireModel model, Options options) {
        this.model = model;
        this.access = new ShapeAccess(model);
        this.options = options;
    }

    /** Values of the shape, shown in failure reports as their JSON when they have a codec. */
    Gen<Object> of(String shapeName) {
        Gen<Object> gen = in -> value(in, shapeName, 0);
        Shape shape = model.shape(shapeName);
        if (!shape.hasCodec()) {
            return gen;
        }
        WireCodec codec = WireCodec.of(model, shapeName);
        return gen.describedAs(value -> describe(codec, value));
    }

    /** A value of one member of a structure, or null for absent: for changing one member of a value. */
    Object memberValue(RandomnessSource in, Member member) {
        return drawBoolean(in) ? value(in, member.target(), 0) : null;
    }

    static String describe(WireCodec codec, Object value) {
        try {
            return value + "\n    as JSON: " + new String(codec.marshal(value), StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            return value + "\n    (cannot be written: " + e + ")";
        }
    }

    Object value(RandomnessSource in, String shapeName, int nesting) {
        Shape shape = model.shape(shapeName);
        // Nesting counts the recursive unions around a value: the M and L levels of an AttributeValue.
        int depth = shape.union() && isRecursive(shapeName) ? nesting + 1 : nesting;
        if (shape.union()) {
            return union(in, shape, depth);
        }
        switch (shape.type()) {
            case "structure":
                return structure(in, shape, depth);
            case "list":
                return list(in, shape, depth);
            case "map":
                return map(in, shape, depth);
            case "string":
                return string(in, shape);
            case "blob":
                return ScalarGenerators.bytes(in, 24);
            case "timestamp":
                return options.sdkComparable() ? ScalarGenerators.instantInMillis(in) : ScalarGenerators.instant(in);
            case "integer":
                return (int) draw(in, Integer.MIN_VALUE, Integer.MAX_VALUE);
            case "long":
                return draw(in, Long.MIN_VALUE, Long.MAX_VALUE);
            case "boolean":
                return drawBoolean(in);
            default:
                throw new IllegalStateException("no generator for " + shape.type() + " shape " + shapeName);
        }
    }

    private Object structure(RandomnessSource in, Shape shape, int nesting) {
        Map<String, Object> values = new HashMap<>();
        for (Member member : shape.members()) {
            // Two chances in three of being present; absent is the shrink point.
            if (draw(in, 0, 2) != 0) {
                values.put(member.name(), value(in, member.target(), nesting));
            }
        }
        return access.build(shape, values);
    }

    private Object union(RandomnessSource in, Shape shape, int depth) {
        // Half the time a member that nests (M, L) while nesting is allowed, else one that does not: picked evenly
        // among all members, nesting ones would be rare and most values single leaves. A leaf is the shrink point.
        List<Member> leaves = shape.members().stream().filter(m -> !model.reaches(m.target(), shape.name())).toList();
        List<Member> nesting = shape.members().stream().filter(m -> model.reaches(m.target(), shape.name())).toList();
        boolean nest = !nesting.isEmpty() && depth <= options.maxNesting() && drawBoolean(in);
        List<Member> candidates = nest ? nesting : leaves;
        int unknown = nest || options.sdkComparable() ? 0 : 1;
        int pick = (int) draw(in, 0, candidates.size() - 1 + unknown);
        if (pick == candidates.size()) {
            return unknownUnionMember(in, shape);
        }
        Member member = candidates.get(pick);
        return access.union(shape, member, value(in, member.target(), depth));
    }

    /**
     * A member this client does not know, as its codec keeps it: the name, and the value as compact JSON (what the
     * reader produces, so a value read and written back is equal to this one).
     */
    private Object unknownUnionMember(RandomnessSource in, Shape shape) {
        String name = ScalarGenerators.text(in, 6);
        for (Member member : shape.members()) {
            if (member.name().equals(name)) {
                name = "x" + name;
            }
        }
        StringWriter json = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(json)) {
            writeAnyJson(in, generator, 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return unknownVariant(shape).newInstance(name, json.toString());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make an unknown member of " + shape.name(), e);
        }
    }

    private Constructor<?> unknownVariant(Shape union) {
        return unknownVariants.computeIfAbsent(union.name(), name -> {
            try {
                return Class.forName(model.javaClass(name).getName() + "$Unknown")
                        .getDeclaredConstructor(String.class, String.class);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("the union " + name + " has no Unknown(String, String) variant", e);
            }
        });
    }

    private void writeAnyJson(RandomnessSource in, JsonGenerator generator, int depth) throws IOException {
        switch ((int) draw(in, 0, depth > 0 ? 5 : 3)) {
            case 0:
                generator.writeString(ScalarGenerators.text(in, options.maxTextLength()));
                break;
            case 1:
                generator.writeNumber(draw(in, Long.MIN_VALUE, Long.MAX_VALUE));
                break;
            case 2:
                generator.writeBoolean(drawBoolean(in));
                break;
            case 3:
                generator.writeNumber(new BigDecimal(ScalarGenerators.number(in)));
                break;
            case 4: {
                generator.writeStartArray();
                int size = (int) draw(in, 0, 3);
                for (int i = 0; i < size; i++) {
                    if (draw(in, 0, 5) == 0) {
                        generator.writeNull();
                    } else {
                        writeAnyJson(in, generator, depth - 1);
                    }
                }
                generator.writeEndArray();
                break;
            }
            default: {
                generator.writeStartObject();
                Set<String> names = new LinkedHashSet<>();
                int size = (int) draw(in, 0, 3);
                for (int i = 0; i < size; i++) {
                    String name = ScalarGenerators.text(in, 4);
                    if (names.add(name)) {
                        generator.writeFieldName(name);
                        writeAnyJson(in, generator, depth - 1);
                    }
                }
                generator.writeEndObject();
                break;
            }
        }
    }

    private List<Object> list(RandomnessSource in, Shape shape, int nesting) {
        int size = (int) draw(in, 0, options.maxElements());
        List<Object> elements = new ArrayList<>(size);
        for (int i = 0; i < slots(shape.element(), size); i++) {
            Object element = value(in, shape.element(), nesting);
            if (i < size) {
                elements.add(element);
            }
        }
        if (shape.name().endsWith("SetAttributeValue")) {
            return new ArrayList<>(new LinkedHashSet<>(elements));
        }
        return elements;
    }

    private Map<String, Object> map(RandomnessSource in, Shape shape, int nesting) {
        int size = (int) draw(in, 0, options.maxElements());
        Map<String, Object> entries = new LinkedHashMap<>();
        for (int i = 0; i < slots(shape.value(), size); i++) {
            String key = ScalarGenerators.text(in, options.maxTextLength());
            Object value = value(in, shape.value(), nesting);
            if (i < size) {
                entries.put(key, value);
            }
        }
        return entries;
    }

    private String string(RandomnessSource in, Shape shape) {
        if (shape.isEnum()) {
            // Past the known values: one this client does not know, which must survive as its string.
            int pick = (int) draw(in, 0, shape.enumValues().size());
            return pick < shape.enumValues().size()
                    ? shape.enumValues().get(pick)
                    : ScalarGenerators.text(in, options.maxTextLength());
        }
        if (shape.name().equals("NumberAttributeValue")) {
            return ScalarGenerators.number(in);
        }
        return ScalarGenerators.text(in, options.maxTextLength());
    }

    /**
     * How many elements to draw for a collection of {@code size}: all it could have when they are scalars, so that
     * shrinking the size keeps later draws in place (see {@link ScalarGenerators}); only those it has when they
     * are structures, whose unused draws would cost far more than they help.
     */
    private int slots(String elementShape, int size) {
        String type = model.shape(elementShape).type();
        return type.equals("structure") || type.equals("list") || type.equals("map") ? size : options.maxElements();
    }

    private boolean isRecursive(String shapeName) {
        return recursive.computeIfAbsent(shapeName, model::isRecursive);
    }
}
