package dev.ddbstreams.codegen.tests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Where the repository's own files are, and the shared reference models when they are present. */
public final class RepoPaths {

    private RepoPaths() {}

    /** The repository root: the nearest folder up from the working directory that has the Maven wrapper. */
    public static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    /** Our own DynamoDB Streams model. */
    public static Path streamsModel() {
        return root().resolve("model/dynamodbstreams/service-2.json");
    }

    /** The golden test model of this module that uses every kind of shape and tries to break out everywhere. */
    public static Path goldenModel() {
        return goldenModel("widgets");
    }

    /** The {@code service-2.json} of the golden model in folder {@code name} under {@code golden/}. */
    public static Path goldenModel(String name) {
        return goldenRoot().resolve(name).resolve("service-2.json");
    }

    /** The folder of the golden models: one folder per model, its generated files under {@code expected/}. */
    public static Path goldenRoot() {
        return root().resolve("codegen-tests/src/test/resources/golden");
    }

    /**
     * The {@code service-2.json} of a model of the corpus of real AWS JSON-protocol models
     * ({@code ../shared/aws-models/corpus/<service>/}, beside its {@code paginators-1.json} and {@code waiters-2.json}),
     * which exists beside the repository on developers' machines and in CI but not in every clone.
     */
    public static Optional<Path> corpusModel(String service) {
        Path file = root().resolveSibling("shared").resolve("aws-models/corpus").resolve(service).resolve("service-2.json");
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * A file of the official public models ({@code ../shared/aws-models/dynamodbstreams/}), which exist beside the
     * repository on developers' machines and in CI but not in every clone: tests that use it assume it.
     */
    public static Optional<Path> sharedModel(String name) {
        Path file = root().resolveSibling("shared").resolve("aws-models/dynamodbstreams").resolve(name);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }
}
