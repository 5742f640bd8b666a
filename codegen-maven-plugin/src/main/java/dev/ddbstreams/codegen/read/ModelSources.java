package dev.ddbstreams.codegen.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The files a model is read from, and what the user declares about it beyond the files.
 *
 * @param service the C2J {@code service-2.json}
 * @param paginators the {@code paginators-1.json}, or null when there is none
 * @param waiters the {@code waiters-2.json}, or null when there is none
 * @param unionShapes structures to treat as unions although the file does not mark them {@code "union": true}
 *     (botocore's files do not mark DynamoDB's {@code AttributeValue})
 */
public record ModelSources(Path service, Path paginators, Path waiters, SortedSet<String> unionShapes) {

    public ModelSources {
        unionShapes = new TreeSet<>(unionShapes);
    }

    /**
     * The service file with {@code paginators-1.json} and {@code waiters-2.json} taken from beside it when they
     * exist there.
     */
    public static ModelSources besides(Path service) {
        Path dir = service.toAbsolutePath().getParent();
        return new ModelSources(
                service, existing(dir.resolve("paginators-1.json")), existing(dir.resolve("waiters-2.json")), new TreeSet<>());
    }

    /** A copy that also declares these shapes unions. */
    public ModelSources withUnionShapes(Set<String> names) {
        TreeSet<String> all = new TreeSet<>(unionShapes);
        all.addAll(names);
        return new ModelSources(service, paginators, waiters, all);
    }

    private static Path existing(Path file) {
        return Files.isRegularFile(file) ? file : null;
    }
}
