package dev.ddbstreams.codegen.tests;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles generated sources with javac as strictly as the build does: every lint, warnings are errors. */
final class InMemoryJavac {

    private InMemoryJavac() {}

    /** Compiles the files (relative path to source) into {@code out}; returns javac's diagnostics, empty when clean. */
    static List<String> compile(Map<String, String> sources, Path work) throws IOException {
        Path src = work.resolve("src");
        Path out = work.resolve("classes");
        Files.createDirectories(out);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fileManager = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = List.of(
                    "--release", "17", "-Xlint:all", "-Werror", "-proc:none", "-encoding", "UTF-8",
                    "-classpath", System.getProperty("java.class.path"), "-d", out.toString());
            StringWriter output = new StringWriter();
            boolean ok = javac.getTask(output, fileManager, diagnostics, options, null, fileManager.getJavaFileObjectsFromPaths(files)).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() != Diagnostic.Kind.NOTE) {
                    problems.add(d.getKind() + " " + (d.getSource() == null ? "" : src.relativize(Path.of(d.getSource().toUri())) + ":" + d.getLineNumber())
                            + " " + d.getMessage(Locale.ROOT));
                }
            }
            if (!ok && problems.isEmpty()) {
                problems.add("javac failed: " + output);
            }
            return problems;
        }
    }
}
