package dev.ddbstreams.codegen.model;

import java.util.Collections;
import java.util.List;
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
 */
public record ServiceModel(
        ServiceInfo info,
        List<Operation> operations,
        SortedMap<String, Shape> shapes,
        List<Paginator> paginators,
        List<Waiter> waiters) {

    public ServiceModel {
        operations = List.copyOf(operations);
        shapes = Collections.unmodifiableSortedMap(new TreeMap<>(shapes));
        paginators = List.copyOf(paginators);
        waiters = List.copyOf(waiters);
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
