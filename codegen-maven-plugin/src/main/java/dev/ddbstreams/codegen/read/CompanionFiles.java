package dev.ddbstreams.codegen.read;

import dev.ddbstreams.codegen.model.ModelException;
import dev.ddbstreams.codegen.model.ModelProblem;
import dev.ddbstreams.codegen.model.Paginator;
import dev.ddbstreams.codegen.model.SourceLocation;
import dev.ddbstreams.codegen.model.Waiter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Adds the C2J {@code paginators-1.json} and {@code waiters-2.json} to what a Smithy model states with traits. One
 * paginator per operation and one waiter per name: stated twice, the two would have to agree, and silently
 * preferring one would hide the other, so it is refused with both places named.
 */
final class CompanionFiles {

    private final List<ModelProblem> problems;
    private final JsonFields fields;

    CompanionFiles(List<ModelProblem> problems) {
        this.problems = problems;
        this.fields = new JsonFields(problems);
    }

    void addPaginators(Path file, List<Paginator> paginators) throws ModelException {
        if (file != null) {
            List<Paginator> read = new PaginatorsReader(fields).read(LocatedJsonParser.parse(file));
            add(read, paginators, Paginator::operationName, Paginator::location, "the paginator of operation", "@paginated");
        }
    }

    void addWaiters(Path file, List<Waiter> waiters) throws ModelException {
        if (file != null) {
            List<Waiter> read = new WaitersReader(fields).read(LocatedJsonParser.parse(file));
            add(read, waiters, Waiter::name, Waiter::location, "waiter", "@smithy.waiters#waitable");
        }
    }

    private <T> void add(List<T> fromFile, List<T> fromTraits, Function<T, String> key, Function<T, SourceLocation> location,
            String what, String trait) {
        Map<String, T> byKey = new HashMap<>();
        fromTraits.forEach(item -> byKey.put(key.apply(item), item));
        for (T item : fromFile) {
            T stated = byKey.putIfAbsent(key.apply(item), item);
            if (stated == null) {
                fromTraits.add(item);
            } else {
                problems.add(new ModelProblem(location.apply(item), what + " \"" + key.apply(item) + "\" is stated both here and by "
                        + trait + " in the Smithy model (" + location.apply(stated) + "); keep one"));
            }
        }
    }
}
