package dev.ddbstreams.codegen.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files a model is read from, and what the user declares about it beyond the files.
 *
 * @param service the service model: a C2J {@code service-2.json}, a Smithy JSON AST or a Smithy IDL file
 * @param paginators the C2J {@code paginators-1.json}, or null when there is none; with a Smithy model it adds to
 *     the model's {@code @paginated} traits
 * @param waiters the C2J {@code waiters-2.json}, or null when there is none; with a Smithy model it adds to the
 *     model's {@code @smithy.waiters#waitable} traits
 * @param unionShapes structures to treat as unions although the file does not mark them {@code "union": true}
 *     (botocore's files do not mark DynamoDB's {@code AttributeValue})
 * @param format how {@code service} is written; {@link ModelFormat#AUTO} decides from the file
 * @param operations which of the model's operations the client gets
 */
public record ModelSources(
        Path service, Path paginators, Path waiters, SortedSet<String> unionShapes, ModelFormat format, OperationFilter operations) {

    public ModelSources {
        unionShapes = new TreeSet<>(unionShapes);
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(operations, "operations");
    }

    /** Sources in the given format with every operation of the model. */
    public ModelSources(Path service, Path paginators, Path waiters, SortedSet<String> unionShapes, ModelFormat format) {
        this(service, paginators, waiters, unionShapes, format, OperationFilter.ALL);
    }

    /** Sources whose format is decided from the service file. */
    public ModelSources(Path service, Path paginators, Path waiters, SortedSet<String> unionShapes) {
        this(service, paginators, waiters, unionShapes, ModelFormat.AUTO);
    }

    /**
     * The service file with {@code paginators-1.json} and {@code waiters-2.json} taken from beside it when they
     * exist there and the service file is a C2J model. A Smithy model is complete without them (it states paginators
     * and waiters as traits), and models of both formats often share a folder, so for it they are used only when
     * given explicitly.
     */
    public static ModelSources besides(Path service) {
        return besides(service, ModelFormat.AUTO);
    }

    /** As {@link #besides(Path)}, for a service file in the given format. */
    public static ModelSources besides(Path service, ModelFormat format) {
        if (format.resolve(service) == ModelFormat.SMITHY) {
            return new ModelSources(service, null, null, new TreeSet<>(), format);
        }
        Path dir = service.toAbsolutePath().getParent();
        return new ModelSources(
                service, existing(dir.resolve("paginators-1.json")), existing(dir.resolve("waiters-2.json")), new TreeSet<>(), format);
    }

    /** A copy that also declares these shapes unions. */
    public ModelSources withUnionShapes(Set<String> names) {
        TreeSet<String> all = new TreeSet<>(unionShapes);
        all.addAll(names);
        return new ModelSources(service, paginators, waiters, all, format, operations);
    }

    /** A copy that generates only the operations {@code filter} wants. */
    public ModelSources withOperations(OperationFilter filter) {
        return new ModelSources(service, paginators, waiters, unionShapes, format, filter);
    }

    /** A copy without paginators and waiters files (a Smithy model's own traits still count). */
    public ModelSources withoutCompanionFiles() {
        return new ModelSources(service, null, null, unionShapes, format, operations);
    }

    private static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }
}
