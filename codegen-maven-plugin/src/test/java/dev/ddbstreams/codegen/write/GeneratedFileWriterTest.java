package dev.ddbstreams.codegen.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedFileWriterTest {

    @TempDir
    Path out;

    @Test
    void unchangedFilesAreNotTouched() throws Exception {
        GeneratedFileWriter writer = new GeneratedFileWriter(out);
        writer.write(Map.of("a/A.java", "class A {}", "a/B.java", "class B {}"));
        FileTime old = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(out.resolve("a/A.java"), old);

        GeneratedFileWriter.WriteResult second = writer.write(Map.of("a/A.java", "class A {}", "a/B.java", "class B { int x; }"));

        assertThat(second.unchanged()).containsExactly("a/A.java");
        assertThat(second.written()).containsExactly("a/B.java");
        assertThat(Files.getLastModifiedTime(out.resolve("a/A.java"))).isEqualTo(old);
        assertThat(Files.readString(out.resolve("a/B.java"))).isEqualTo("class B { int x; }");
    }

    @Test
    void filesNoLongerGeneratedAreRemovedButForeignFilesStay() throws Exception {
        GeneratedFileWriter writer = new GeneratedFileWriter(out);
        writer.write(Map.of("a/A.java", "class A {}", "b/Gone.java", "class Gone {}"));
        Files.writeString(out.resolve("a/Mine.java"), "class Mine {}");

        GeneratedFileWriter.WriteResult second = writer.write(Map.of("a/A.java", "class A {}"));

        assertThat(second.deleted()).containsExactly("b/Gone.java");
        assertThat(out.resolve("b")).doesNotExist();
        assertThat(out.resolve("a/Mine.java")).exists();
        assertThat(out.resolve("a/A.java")).exists();
    }

    @Test
    void leavesNoTemporaryFilesBehind() throws Exception {
        new GeneratedFileWriter(out).write(Map.of("p/X.java", "class X {}"));
        try (var files = Files.walk(out)) {
            assertThat(files.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()))
                    .containsExactlyInAnyOrder("p/X.java", GeneratedFileWriter.MANIFEST);
        }
    }
}
