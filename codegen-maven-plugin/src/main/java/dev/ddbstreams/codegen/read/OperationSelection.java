package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ListShape;
import dev.ddbstreams.codegen.model.MapShape;
import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.ModelWarning;
import dev.ddbstreams.codegen.model.Operation;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.ServiceModel;
import dev.ddbstreams.codegen.model.Shape;
import dev.ddbstreams.codegen.model.ShapeReferences;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.StructureShape;
import dev.ddbstreams.codegen.model.UnionShape;
import dev.ddbstreams.codegen.model.Waiter;
import dev.ddbstreams.codegen.naming.NameSuggestions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Which operations the client gets, and so which shapes: the model's operations, or those the user names
 * ({@link OperationFilter}), less those the generator cannot generate. An operation is left out with one warning
 * when its input or output uses a shape the generator does not support, such as an event stream (sent over
 * HTTP/2 with binary event framing); generating it would give code that does not compile or calls that cannot
 * work. Shapes that only left-out operations use are left out too, and so are their paginators and waiters;
 * shapes no operation uses stay, as before.
 */
final class OperationSelection {

    private final ServiceModel model;
    private final Map<String, String> unsupported;
    private final List<ModelWarning> warnings = new ArrayList<>();

    private OperationSelection(ServiceModel model, Map<String, String> unsupported) {
        this.model = model;
        this.unsupported = unsupported;
    }

    /**
     * @param unsupported shapes that cannot be generated, by name, each with what it is ("the event stream")
     * @param filter the operations the user wants
     * @param where the model file, for problems with the filter's names
     * @throws ModelException when the filter names an operation the model does not have
     */
    static ServiceModel apply(ServiceModel model, Map<String, String> unsupported, OperationFilter filter, SourceLocation where)
            throws ModelException {
        checkNames(model, filter, where);
        return new OperationSelection(model, unsupported).select(filter);
    }

    private static void checkNames(ServiceModel model, OperationFilter filter, SourceLocation where) throws ModelException {
        List<String> known = model.operations().stream().map(Operation::name).toList();
        List<ModelProblem> problems = new ArrayList<>();
        for (var setting : List.of(Map.entry("includeOperations", filter.include()), Map.entry("excludeOperations", filter.exclude()))) {
            for (String name : setting.getValue()) {
                if (!known.contains(name)) {
                    problems.add(new ModelProblem(where, setting.getKey() + " names \"" + name + "\", which is not an operation of the model"
                            + NameSuggestions.didYouMean(name, known)));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ModelException(problems);
        }
    }

    private ServiceModel select(OperationFilter filter) {
        Set<String> tainted = shapesReachingUnsupported();
        List<Operation> kept = new ArrayList<>();
        List<Operation> left = new ArrayList<>();
        for (Operation op : model.operations()) {
            if (!filter.wants(op.name())) {
                left.add(op);
            } else if (usedShapes(op).stream().anyMatch(tainted::contains)) {
                left.add(op);
                warnings.add(new ModelWarning(op.location(), "operation \"" + op.name() + "\" is left out: " + whyUnsupported(op)
                        + ", which this generator does not support; add it to excludeOperations to leave it out without this warning"));
            } else {
                kept.add(op);
            }
        }
        if (left.isEmpty() && unsupported.isEmpty()) {
            return model;
        }
        Set<String> keptNames = new HashSet<>();
        kept.forEach(op -> keptNames.add(op.name()));
        List<Paginator> paginators = model.paginators().stream().filter(p -> keep(p.operationName(), keptNames)).toList();
        List<Waiter> waiters = model.waiters().stream().filter(w -> keep(w.operationName(), keptNames)).toList();
        return model.with(kept, keptShapes(kept, left, tainted), paginators, waiters, warnings);
    }

    /** A paginator or waiter stays unless its operation was left out; one naming no operation is the validator's to report. */
    private boolean keep(String operation, Set<String> kept) {
        return kept.contains(operation) || model.operation(operation).isEmpty();
    }

    /**
     * What stays: whatever the kept operations use, and the shapes nothing that left uses (they stayed before any
     * operation was left out, and still do), minus anything that reaches an unsupported shape.
     */
    private SortedMap<String, Shape> keptShapes(List<Operation> kept, List<Operation> left, Set<String> tainted) {
        List<String> leftRoots = new ArrayList<>(unsupported.keySet());
        left.forEach(op -> leftRoots.addAll(usedShapes(op)));
        Set<String> usedByLeft = ShapeReferences.closure(leftRoots, model.shapes());
        List<String> roots = new ArrayList<>();
        kept.forEach(op -> roots.addAll(usedShapes(op)));
        model.shapes().keySet().stream().filter(name -> !usedByLeft.contains(name)).forEach(roots::add);
        roots.removeIf(tainted::contains);
        SortedMap<String, Shape> shapes = new TreeMap<>();
        ShapeReferences.closure(roots, model.shapes()).forEach(name -> shapes.put(name, model.shapes().get(name)));
        return shapes;
    }

    private static List<String> usedShapes(Operation op) {
        List<String> used = new ArrayList<>();
        if (op.inputShape() != null) {
            used.add(op.inputShape());
        }
        if (op.outputShape() != null) {
            used.add(op.outputShape());
        }
        used.addAll(op.errors());
        return used;
    }

    /** The shapes from which an unsupported shape can be reached, the unsupported ones included. */
    private Set<String> shapesReachingUnsupported() {
        Map<String, Set<String>> referrers = new HashMap<>();
        model.shapes().forEach((name, shape) -> ShapeReferences.of(shape)
                .forEach(target -> referrers.computeIfAbsent(target, t -> new HashSet<>()).add(name)));
        Set<String> tainted = new LinkedHashSet<>();
        Deque<String> pending = new ArrayDeque<>(unsupported.keySet());
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (tainted.add(name)) {
                pending.addAll(referrers.getOrDefault(name, Set.of()));
            }
        }
        return tainted;
    }

    /** Names the first unsupported shape the operation reaches, and the member that refers to it. */
    private String whyUnsupported(Operation op) {
        Map<String, String[]> via = new HashMap<>();
        Deque<String> pending = new ArrayDeque<>(usedShapes(op));
        Set<String> seen = new HashSet<>(pending);
        while (!pending.isEmpty()) {
            String name = pending.removeFirst();
            if (unsupported.containsKey(name)) {
                String[] hop = via.get(name);
                String where = hop == null ? "" : " (member \"" + hop[1] + "\" of shape \"" + hop[0] + "\")";
                return "it uses " + unsupported.get(name) + " \"" + name + "\"" + where;
            }
            for (var member : members(model.shapes().get(name))) {
                if (seen.add(member.getValue())) {
                    via.put(member.getValue(), new String[] {name, member.getKey()});
                    pending.addLast(member.getValue());
                }
            }
        }
        return "it uses a shape that cannot be generated";
    }

    /** A shape's references as (member, target) pairs, for naming the path to an unsupported shape. */
    private static List<Map.Entry<String, String>> members(Shape shape) {
        if (shape instanceof StructureShape s) {
            return s.members().stream().map(m -> Map.entry(m.wireName(), m.targetShape())).toList();
        }
        if (shape instanceof UnionShape u) {
            return u.members().stream().map(m -> Map.entry(m.wireName(), m.targetShape())).toList();
        }
        if (shape instanceof ListShape l) {
            return List.of(Map.entry("member", l.memberShape()));
        }
        if (shape instanceof MapShape m) {
            return List.of(Map.entry("key", m.keyShape()), Map.entry("value", m.valueShape()));
        }
        return List.of();
    }
}
