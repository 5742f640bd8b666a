package dev.ddbstreams.codegen.tests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.codegen.CodeGenerator;
import dev.ddbstreams.codegen.read.ModelSources;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generated source of a small model that uses every kind of shape, compared byte for byte with the files
 * checked in under {@code src/test/resources/golden/widgets/expected}. Any change to the output shows up here
 * and in review. After an intended change, regenerate the expected files with
 * {@code ./mvnw -pl codegen-tests test -Dtest=GoldenFilesTest -Dgolden.update=true} and read the diff.
 */
class GoldenFilesTest {

    private static final String PACKAGE = "com.example.widgets";

    @Test
    void generatedSourceMatchesTheGoldenFiles() throws Exception {
        Map<String, String> generated = new TreeMap<>(CodeGenerator.render(CodeGenerator.load(ModelSources.besides(RepoPaths.goldenModel())), PACKAGE));
        Path expectedDir = RepoPaths.goldenModel().resolveSibling("expected");
        if (Boolean.getBoolean("golden.update")) {
            rewrite(expectedDir, generated);
        }
        Map<String, String> expected = read(expectedDir);
        assertThat(generated.keySet()).as("generated files").containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, String> file : generated.entrySet()) {
            assertThat(file.getValue()).as(file.getKey()).isEqualTo(expected.get(file.getKey()));
        }
    }

    private static Map<String, String> read(Path dir) throws IOException {
        Map<String, String> files = new TreeMap<>();
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
