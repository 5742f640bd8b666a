package dev.ddbstreams.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code ```java} block of README.md and docs/ compiles against the published jars, as a user would copy it
 * ({@link SnippetUnit} says how fragments are wrapped). The class path is this module's compile and runtime
 * dependencies: a published module with Java in its docs adds itself to this module's pom.
 */
class DocSnippetsTest {

    private static final Path ROOT = Path.of(System.getProperty("ddbstreams.root", "..")).toAbsolutePath().normalize();
    private static SnippetCompiler compiler;

    @BeforeAll
    static void readClasspath() throws IOException {
        compiler = SnippetCompiler.fromClasspathFile(
                Path.of(System.getProperty("docs.classpath.file", "target/docs-classpath.txt")));
    }

    @TestFactory
    Stream<DynamicTest> everyJavaSnippetOfTheDocsCompiles() throws IOException {
        List<MarkdownSnippet> snippets = new ArrayList<>();
        for (Path markdown : markdownFiles()) {
            snippets.addAll(MarkdownSnippet.in(markdown));
        }
        assertThat(snippets).as("```java blocks in README.md and docs/").hasSizeGreaterThanOrEqualTo(15);
        return snippets.stream().map(snippet -> dynamicTest(snippet.where(ROOT),
                () -> assertThat(compiler.compile(snippet, ROOT)).as("javac's problems").isEmpty()));
    }

    @Test
    void fragmentsSeeTheJdkOurPackagesAndTheStreamRecordButNoInternals() {
        assertThat(compiler.defaultImports())
                .contains("java.util.*", "java.time.*", "dev.ddbstreams.streams.*", "dev.ddbstreams.streams.model.*",
                        "dev.ddbstreams.runtime.auth.*", "dev.ddbstreams.streams.model.Record")
                .noneMatch(name -> name.contains("internal"));
    }

    @Test
    void aSnippetThatDoesNotCompileIsReportedAtItsMarkdownLine(@TempDir Path docs) throws IOException {
        Path markdown = docs.resolve("broken.md");
        Files.writeString(markdown, String.join("\n",
                "# Broken",
                "```java given=\"DynamoDbStreamsClient client\"",
                "ListStreamsResponse streams = client.listStreams();",
                "int count = streams.streamz().size();",
                "```",
                "```java",
                ".region(\"us-east-1\")",
                ".regoin(\"us-east-1\")",
                "```",
                "```java",
                "for (Record record : records) { ... }",
                "```",
                ""));

        List<MarkdownSnippet> snippets = MarkdownSnippet.in(markdown);

        assertThat(snippets).hasSize(3);
        assertThat(compiler.compile(snippets.get(0), docs)).singleElement().asString()
                .startsWith("broken.md:4: cannot find symbol");
        assertThat(compiler.compile(snippets.get(1), docs)).singleElement().asString()
                .startsWith("broken.md:8: cannot find symbol");
        // Undeclared: records. Declared on the fence, it compiles, and Record is the stream's.
        assertThat(compiler.compile(snippets.get(2), docs)).singleElement().asString()
                .startsWith("broken.md:11: cannot find symbol").contains("records");
        MarkdownSnippet declared = new MarkdownSnippet(markdown, 11,
                java.util.Map.of("given", "List<Record> records"), snippets.get(2).lines());
        assertThat(compiler.compile(declared, docs)).isEmpty();
    }

    @Test
    void aFenceAttributeThatIsNotKnownIsAnError(@TempDir Path docs) throws IOException {
        Path markdown = docs.resolve("typo.md");
        Files.writeString(markdown, "```java gven=\"String arn\"\nSystem.out.println(arn);\n```\n");

        assertThat(compiler.compile(MarkdownSnippet.in(markdown).get(0), docs)).singleElement().asString()
                .isEqualTo("typo.md:2: unknown fence attribute gven; known: " + SnippetUnit.ATTRIBUTES);
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(ROOT.resolve("README.md"));
        try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        return files;
    }
}
