package dev.ddbstreams.codegen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.codegen.read.ModelSources;
import dev.ddbstreams.codegen.write.GeneratedFileWriter.WriteResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeGeneratorTest {

    @TempDir
    Path dir;

    private static final String MODEL = ModelFiles.service("""
            "GetWidget": {"name": "GetWidget", "input": {"shape": "GetWidgetInput"}, "output": {"shape": "GetWidgetOutput"}}
            """, """
            "GetWidgetInput": {"type": "structure", "members": {"Id": {"shape": "String"}}},
            "GetWidgetOutput": {"type": "structure", "members": {"Part": {"shape": "Part"}, "Tags": {"shape": "Tags"}}},
            "Part": {"type": "structure", "members": {"Name": {"shape": "String"}}},
            "Tags": {"type": "list", "member": {"shape": "String"}},
            "String": {"type": "string"}
            """);

    @Test
    void theSameModelGivesByteIdenticalFiles() throws Exception {
        Path model = ModelFiles.write(dir, "m/service-2.json", MODEL);
        Map<String, String> first = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(model)), "com.example");
        Map<String, String> second = CodeGenerator.render(CodeGenerator.load(ModelSources.besides(model)), "com.example");
        assertThat(second).isEqualTo(first);
        assertThat(first.keySet()).contains("com/example/model/Part.java", "com/example/WidgetsClient.java",
                "com/example/internal/GetWidgetOutputJson.java");
        assertThat(first.values()).noneMatch(source -> source.matches("(?s).*\\d{4}-\\d{2}-\\d{2}.*"));
    }

    @Test
    void aSecondRunWithUnchangedInputsTouchesNothing() throws Exception {
        Path model = ModelFiles.write(dir, "m/service-2.json", MODEL);
        Path out = dir.resolve("out");
        WriteResult first = CodeGenerator.generate(ModelSources.besides(model), "com.example", out);
        assertThat(first.written()).isNotEmpty();
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        try (Stream<Path> files = Files.walk(out)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                Files.setLastModifiedTime(file, old);
            }
        }

        WriteResult second = CodeGenerator.generate(ModelSources.besides(model), "com.example", out);

        assertThat(second.written()).isEmpty();
        assertThat(second.deleted()).isEmpty();
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile)).allSatisfy(file -> assertThat(Files.getLastModifiedTime(file)).isEqualTo(old));
        }
    }

    @Test
    void aChangedModelRegeneratesWhatChangedAndRemovesWhatLeft() throws Exception {
        Path model = ModelFiles.write(dir, "m/service-2.json", MODEL);
        Path out = dir.resolve("out");
        CodeGenerator.generate(ModelSources.besides(model), "com.example", out);

        ModelFiles.write(dir, "m/service-2.json", MODEL
                .replace("\"Part\": {\"shape\": \"Part\"}, ", "")
                .replace("\"Part\": {\"type\": \"structure\", \"members\": {\"Name\": {\"shape\": \"String\"}}},\n", "")
                .replace("\"Id\": {\"shape\": \"String\"}", "\"Id\": {\"shape\": \"String\"}, \"Color\": {\"shape\": \"String\"}"));
        WriteResult second = CodeGenerator.generate(ModelSources.besides(model), "com.example", out);

        assertThat(second.deleted()).containsExactlyInAnyOrder("com/example/model/Part.java", "com/example/internal/PartJson.java");
        assertThat(second.written()).contains("com/example/model/GetWidgetRequest.java", "com/example/model/GetWidgetResponse.java");
        assertThat(second.written()).doesNotContain("com/example/model/WidgetsException.java");
        assertThat(Files.readString(out.resolve("com/example/model/GetWidgetRequest.java"))).contains("public String color()");
        assertThat(out.resolve("com/example/model/Part.java")).doesNotExist();
    }

    @Test
    void aBadPackageIsNamed() {
        Path model = ModelFiles.write(dir, "m/service-2.json", MODEL);
        assertThatThrownBy(() -> CodeGenerator.generate(ModelSources.besides(model), "com.example.class", dir.resolve("out")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("basePackage \"com.example.class\" is not a Java package name (\"class\" cannot be part of one)");
    }
}
