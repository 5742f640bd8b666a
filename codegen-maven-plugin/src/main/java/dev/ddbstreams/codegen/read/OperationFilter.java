package dev.ddbstreams.codegen.read;

import java.util.Collection;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which of a model's operations the user wants in the client (the plugin's {@code includeOperations} and
 * {@code excludeOperations}): all of them unless {@code include} names some, less those {@code exclude} names.
 * Names are the operations' names in the model ({@code GetRecords}); each must name one of them.
 *
 * @param include the operations to keep, or empty to keep all
 * @param exclude the operations to leave out
 */
public record OperationFilter(SortedSet<String> include, SortedSet<String> exclude) {

    /** Every operation. */
    public static final OperationFilter ALL = new OperationFilter(new TreeSet<>(), new TreeSet<>());

    public OperationFilter {
        include = new TreeSet<>(include);
        exclude = new TreeSet<>(exclude);
    }

    /** A filter from two lists as a user gives them; blanks are ignored and names trimmed. */
    public static OperationFilter of(Collection<String> include, Collection<String> exclude) {
        return new OperationFilter(trimmed(include), trimmed(exclude));
    }

    /** Whether the user wants the operation of that model name. */
    public boolean wants(String operationName) {
        return (include.isEmpty() || include.contains(operationName)) && !exclude.contains(operationName);
    }

    private static SortedSet<String> trimmed(Collection<String> names) {
        SortedSet<String> out = new TreeSet<>();
        if (names != null) {
            names.stream().map(String::trim).filter(name -> !name.isEmpty()).forEach(out::add);
        }
        return out;
    }
}
