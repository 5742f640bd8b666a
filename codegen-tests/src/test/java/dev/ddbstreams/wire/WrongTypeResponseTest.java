package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.wire.WireModel.Member;
import dev.ddbstreams.wire.WireModel.Shape;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every member of every operation's response, and every list element and map value, given a JSON value of each
 * wrong type, is a {@link MalformedResponseException} that names what was being read; then the same client serves
 * the next request. The places come from the model: each shape reachable from an output is reached once, inside
 * the smallest response that holds it.
 */
class WrongTypeResponseTest {

    /** A JSON value of each kind, to put where another kind belongs. */
    private static final Map<String, String> VALUE_OF_KIND = Map.of(
            "string", "\"x\"", "integer", "1", "decimal", "1.5", "boolean", "true", "object", "{}", "array", "[]");

    private static final HostileServer HOSTILE = new HostileServer();

    private final WireModel model = WireModel.get();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    /** One place a value can go: how to wrap a value there into a whole response, and what reads it. */
    private record Place(String description, UnaryOperator<String> wrap, String shape, List<String> names) {}

    @TestFactory
    Stream<DynamicTest> everyPlaceRejectsEveryWrongKind() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String operation : model.operationNames()) {
            for (Place place : places(model.outputOf(operation))) {
                for (Map.Entry<String, String> kind : VALUE_OF_KIND.entrySet()) {
                    if (!acceptedKinds(model.shape(place.shape())).contains(kind.getKey())) {
                        tests.add(DynamicTest.dynamicTest(place.description() + " = " + kind.getKey(),
                                () -> rejected(operation, place.wrap().apply(kind.getValue()), place.names())));
                    }
                }
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> nullInAListOrMapIsRejected() {
        return model.operationNames().stream().flatMap(operation -> places(model.outputOf(operation)).stream()
                .filter(place -> place.description().endsWith("[0]") || place.description().endsWith("{k}"))
                .map(place -> DynamicTest.dynamicTest(place.description() + " = null",
                        () -> rejected(operation, place.wrap().apply("null"), List.of("null is not allowed")))));
    }

    private void rejected(String operation, String body, List<String> anyOfNames) {
        Object request = new ShapeAccess(model).build(model.shape(model.inputOf(operation)), Map.of());
        SdkClientException failure = HOSTILE.failure(client -> WireClients.call(client, operation, request),
                HostileServer.json(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(failure).as(body).isInstanceOf(MalformedResponseException.class)
                .hasMessageContaining("The response to " + operation);
        assertThat(anyOfNames).as("what the message %s names", failure.getMessage())
                .anyMatch(name -> failure.getMessage().contains(name));
        HOSTILE.servesTheNextRequestNormally();
    }

    /** The JSON kinds a value of the shape may take; null aside, which means absent. */
    private static Set<String> acceptedKinds(Shape shape) {
        if (shape.union()) {
            return Set.of("object");
        }
        switch (shape.type()) {
            case "structure":
            case "map":
                return Set.of("object");
            case "list":
                return Set.of("array");
            case "integer":
            case "long":
                return Set.of("integer");
            case "timestamp":
            case "double":
            case "float":
                return Set.of("integer", "decimal");
            case "boolean":
                return Set.of("boolean");
            default:
                return Set.of("string");
        }
    }

    /**
     * Every member, element and map value reachable from the output shape, breadth first so each is met in the
     * smallest response that holds it.
     */
    private List<Place> places(String output) {
        Map<String, UnaryOperator<String>> reached = new LinkedHashMap<>();
        Map<String, String> paths = new LinkedHashMap<>();
        Deque<String> queue = new ArrayDeque<>();
        reached.put(output, UnaryOperator.identity());
        paths.put(output, output);
        queue.add(output);
        List<Place> places = new ArrayList<>();
        while (!queue.isEmpty()) {
            String name = queue.poll();
            Shape shape = model.shape(name);
            UnaryOperator<String> wrapShape = reached.get(name);
            List<Place> children = new ArrayList<>();
            for (Member member : shape.members()) {
                children.add(new Place(paths.get(name) + "." + member.name(),
                        v -> wrapShape.apply("{\"" + member.name() + "\":" + v + "}"), member.target(),
                        whereRead(name + "." + member.name(), member.target())));
            }
            if (shape.element() != null) {
                children.add(new Place(paths.get(name) + "[0]", v -> wrapShape.apply("[" + v + "]"),
                        shape.element(), whereRead(name + " element", shape.element())));
            }
            if (shape.value() != null) {
                children.add(new Place(paths.get(name) + "{k}", v -> wrapShape.apply("{\"k\":" + v + "}"),
                        shape.value(), whereRead(name + " value", shape.value())));
            }
            for (Place child : children) {
                places.add(child);
                if (!reached.containsKey(child.shape())) {
                    reached.put(child.shape(), child.wrap());
                    paths.put(child.shape(), child.description());
                    queue.add(child.shape());
                }
            }
        }
        return places;
    }

    /**
     * What a failure may name: the member ({@code Record.eventID}), or for a structure, union, list or map the
     * shape whose reader found the wrong token ({@code StreamRecord}).
     */
    private List<String> whereRead(String member, String target) {
        Shape shape = model.shape(target);
        return shape.type().equals("structure") || shape.type().equals("list") || shape.type().equals("map")
                ? List.of(member, target) : List.of(member);
    }
}
