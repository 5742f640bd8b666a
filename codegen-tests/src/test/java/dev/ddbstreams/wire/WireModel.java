package dev.ddbstreams.wire;

import dev.ddbstreams.codegen.tests.RepoPaths;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Our DynamoDB Streams model ({@code model/dynamodbstreams/service-2.json}) as the wire tests need it: every
 * shape with its members, the operations, and the Java class the generator made of each shape. Read from the
 * model file itself, so a shape added to the model is generated, round-tripped and compared without a test change.
 */
final class WireModel {

    static final String MODEL_PACKAGE = "dev.ddbstreams.streams.model";
    static final String CODEC_PACKAGE = "dev.ddbstreams.streams.internal";

    /** A member of a structure or union: its name on the wire and the shape of its value. */
    record Member(String name, String target) {}

    /**
     * One shape of the model. {@code type} is the model's type ({@code structure}, {@code list}, {@code string},
     * ...); {@code members} is set for structures and unions, {@code element} for lists, {@code key} and
     * {@code value} for maps, {@code enumValues} for enums (empty otherwise).
     */
    record Shape(String name, String type, boolean union, boolean exception, List<Member> members, String element,
                 String key, String value, List<String> enumValues) {

        boolean isStructure() {
            return type.equals("structure") && !union && !exception;
        }

        boolean isEnum() {
            return !enumValues.isEmpty();
        }

        /** Structures, unions, lists and maps: the shapes the generator writes a {@code <Name>Json} codec for. */
        boolean hasCodec() {
            return isStructure() || union || type.equals("list") || type.equals("map");
        }

        Member member(String memberName) {
            return members.stream().filter(m -> m.name().equals(memberName)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(name + " has no member " + memberName));
        }
    }

    private static final WireModel INSTANCE = load();

    private final Map<String, Shape> shapes;
    private final Map<String, String[]> operations;
    private final Map<String, Class<?>> classes = new java.util.concurrent.ConcurrentHashMap<>();

    private WireModel(Map<String, Shape> shapes, Map<String, String[]> operations) {
        this.shapes = shapes;
        this.operations = operations;
    }

    static WireModel get() {
        return INSTANCE;
    }

    Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("no shape " + name + " in the model");
        }
        return shape;
    }

    /** Every shape with a JSON codec, in model order. */
    List<Shape> shapesWithCodecs() {
        return shapes.values().stream().filter(Shape::hasCodec).toList();
    }

    Set<String> operationNames() {
        return operations.keySet();
    }

    String inputOf(String operation) {
        return operations.get(operation)[0];
    }

    String outputOf(String operation) {
        return operations.get(operation)[1];
    }

    /**
     * The generated class of a structure, union or enum: operation inputs and outputs are named after the operation
     * ({@code GetRecordsRequest}, {@code GetRecordsResponse}) as in the AWS SDK for Java v2, other shapes keep
     * their model name.
     */
    String javaSimpleName(String shapeName) {
        for (Map.Entry<String, String[]> operation : operations.entrySet()) {
            if (operation.getValue()[0].equals(shapeName)) {
                return operation.getKey() + "Request";
            }
            if (operation.getValue()[1].equals(shapeName)) {
                return operation.getKey() + "Response";
            }
        }
        return Character.toUpperCase(shapeName.charAt(0)) + shapeName.substring(1);
    }

    Class<?> javaClass(String shapeName) {
        return classes.computeIfAbsent(shapeName, name -> load(MODEL_PACKAGE + "." + javaSimpleName(name)));
    }

    /** The generated {@code <ShapeName>Json} class that reads and writes the shape. */
    Class<?> codecClass(String shapeName) {
        return load(CODEC_PACKAGE + "." + Character.toUpperCase(shapeName.charAt(0)) + shapeName.substring(1) + "Json");
    }

    /** Whether a value of {@code from} can contain a value of {@code to} (or is one): how recursion is found. */
    boolean reaches(String from, String to) {
        return reaches(from, to, new HashSet<>());
    }

    private boolean reaches(String from, String to, Set<String> seen) {
        if (from.equals(to)) {
            return true;
        }
        if (!seen.add(from)) {
            return false;
        }
        for (String child : children(shape(from))) {
            if (reaches(child, to, seen)) {
                return true;
            }
        }
        return false;
    }

    /** Whether a value of the shape can contain another value of the same shape. */
    boolean isRecursive(String shapeName) {
        for (String child : children(shape(shapeName))) {
            if (reaches(child, shapeName)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> children(Shape shape) {
        List<String> children = new ArrayList<>();
        shape.members().forEach(m -> children.add(m.target()));
        if (shape.element() != null) {
            children.add(shape.element());
        }
        if (shape.value() != null) {
            children.add(shape.value());
        }
        return children;
    }

    private static Class<?> load(String className) {
        try {
            return Class.forName(className);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the generator made no class " + className, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static WireModel load() {
        Map<String, Object> model;
        try {
            model = (Map<String, Object>) JsonTree.parse(Files.readAllBytes(RepoPaths.streamsModel()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Shape> shapes = new LinkedHashMap<>();
        ((Map<String, Object>) model.get("shapes")).forEach((name, raw) -> {
            Map<String, Object> shape = (Map<String, Object>) raw;
            List<Member> members = new ArrayList<>();
            Map<String, Object> rawMembers = (Map<String, Object>) shape.getOrDefault("members", Map.of());
            rawMembers.forEach((memberName, member) ->
                    members.add(new Member(memberName, targetOf(member))));
            shapes.put(name, new Shape(name, (String) shape.get("type"),
                    Boolean.TRUE.equals(shape.get("union")), Boolean.TRUE.equals(shape.get("exception")),
                    List.copyOf(members), targetOf(shape.get("member")), targetOf(shape.get("key")),
                    targetOf(shape.get("value")), (List<String>) shape.getOrDefault("enum", List.of())));
        });
        Map<String, String[]> operations = new LinkedHashMap<>();
        ((Map<String, Object>) model.get("operations")).forEach((name, raw) -> {
            Map<String, Object> operation = (Map<String, Object>) raw;
            operations.put(name, new String[] {targetOf(operation.get("input")), targetOf(operation.get("output"))});
        });
        return new WireModel(shapes, operations);
    }

    @SuppressWarnings("unchecked")
    private static String targetOf(Object reference) {
        return reference == null ? null : (String) ((Map<String, Object>) reference).get("shape");
    }
}
