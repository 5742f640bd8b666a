package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generated source of each small model under {@code src/test/resources/golden/<name>/}, compared byte for byte
 * with the files checked in under its {@code expected/} folder (package {@code com.example.<name>}). Any change to
 * the output shows up here and in review. After an intended change, regenerate the expected files with
 * {@code ./mvnw -pl codegen-tests -am test -Dtest=GoldenFilesTest -Dgolden.update=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read the diff.
 */
class GoldenFilesTest {

    static List<String> goldenModels() throws IOException {
        try (Stream<Path> dirs = Files.list(RepoPaths.goldenRoot())) {
            return dirs.filter(dir -> Files.isRegularFile(dir.resolve("service-2.json")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }

    @ParameterizedTest(name = "golden/{0}")
    @MethodSource("goldenModels")
    void generatedSourceMatchesTheGoldenFiles(String name) throws Exception {
        Path model = RepoPaths.goldenModel(name);
        Map<String, String> generated = new TreeMap<>(CodeGenerator.render(CodeGenerator.load(ModelSources.besides(model)), "com.example." + name));
        Path expectedDir = model.resolveSibling("expected");
        if (Boolean.getBoolean("golden.update")) {
            rewrite(expectedDir, generated);
        }
        Map<String, String> expected = read(expectedDir);
        assertThat(generated.keySet()).as("generated files of golden/" + name).containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(file.getValue()).as(name + ": " + file.getKey()).isEqualTo(expected.get(file.getKey()));
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.filter(Files::isRegularFile)::iterator) {
                files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    private static void rewrite(Path dir, Map<String, String> files) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                for (Path path : (Iterable<Path>) paths.sorted(java.util.Comparator.reverseOrder())::iterator) {
                    Files.delete(path);
                }
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
