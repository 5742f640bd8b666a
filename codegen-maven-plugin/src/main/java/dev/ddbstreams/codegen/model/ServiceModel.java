package dev.ddbstreams.codegen.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A whole service: what the emitters generate code from.
 *
 * @param info the service-wide facts
 * @param operations the operations, sorted by name
 * @param shapes the shapes by model name, sorted
 * @param paginators the paginators, sorted by operation name
 * @param waiters the waiters, sorted by name
 * @param codecNames the simple class name of the JSON codec of each structure, union, list and map, by shape name;
 *     decided with the other Java names (see {@code naming.ModelNaming}), empty until then
 * @param warnings what the generator leaves out of the client, and why
 */
public record ServiceModel(
        ServiceInfo info,
        List<Operation> operations,
        SortedMap<String, Shape> shapes,
        List<Paginator> paginators,
        List<Waiter> waiters,
        SortedMap<String, String> codecNames,
        List<ModelWarning> warnings) {

    public ServiceModel {
        operations = List.copyOf(operations);
        shapes = Collections.unmodifiableSortedMap(new TreeMap<>(shapes));
        paginators = List.copyOf(paginators);
        waiters = List.copyOf(waiters);
        codecNames = Collections.unmodifiableSortedMap(new TreeMap<>(codecNames));
        warnings = List.copyOf(warnings);
    }

    /** A model as a reader first makes it: no codec names decided yet, nothing left out. */
    public ServiceModel(ServiceInfo info, List<Operation> operations, SortedMap<String, Shape> shapes, List<Paginator> paginators,
            List<Waiter> waiters) {
        this(info, operations, shapes, paginators, waiters, new TreeMap<>(), List.of());
    }

    /** This model with other shapes and operations, and with these warnings added to its own. */
    public ServiceModel with(List<Operation> operations, SortedMap<String, Shape> shapes, List<Paginator> paginators,
            List<Waiter> waiters, List<ModelWarning> moreWarnings) {
        List<ModelWarning> all = new ArrayList<>(warnings);
        all.addAll(moreWarnings);
        return new ServiceModel(info, operations, shapes, paginators, waiters, codecNames, all);
    }

    /** This model with other shapes and operations and the codec names decided for them. */
    public ServiceModel named(List<Operation> operations, SortedMap<String, Shape> shapes, SortedMap<String, String> codecNames) {
        return new ServiceModel(info, operations, shapes, paginators, waiters, codecNames, warnings);
    }

    /** The shape of that name; the model is validated, so a referenced name always resolves. */
    public Shape shape(String name) {
        Shape shape = shapes.get(name);
        if (shape == null) {
            throw new IllegalArgumentException("No shape named " + name);
        }
        return shape;
    }

    /** The operation of that model name, if any. */
    public Optional<Operation> operation(String name) {
        return operations.stream().filter(op -> op.name().equals(name)).findFirst();
    }

    /** The shapes of one kind, in name order. */
    public <T extends Shape> List<T> shapesOf(Class<T> kind) {
        return shapes.values().stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
