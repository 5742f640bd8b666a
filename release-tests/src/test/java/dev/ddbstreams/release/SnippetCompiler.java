package dev.ddbstreams.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/** Compiles snippets with javac against a user's class path, reporting problems at their Markdown lines. */
final class SnippetCompiler {

    /** The JDK packages the docs' fragments use without importing them. */
    private static final List<String> JDK_IMPORTS = List.of("java.io.*", "java.math.*", "java.net.*", "java.nio.file.*",
            "java.time.*", "java.util.*", "java.util.concurrent.*", "java.util.function.*");
    /** Ours, by name: {@code java.lang.Record} would otherwise win over the stream record of a wildcard import. */
    private static final String STREAM_RECORD = "dev.ddbstreams.streams.model.Record";

    private final List<Path> classpath;
    private final List<String> defaultImports;
    private final JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    /** Shared by every compilation, so each jar of the class path is indexed once. */
    private final StandardJavaFileManager files = javac.getStandardFileManager(null, Locale.ROOT, null);

    SnippetCompiler(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
        this.defaultImports = defaultImports(classpath);
    }

    /** Reads the class path Maven wrote (dependency:build-classpath). */
    static SnippetCompiler fromClasspathFile(Path file) throws IOException {
        String text = Files.readString(file).strip();
        List<Path> entries = Stream.of(text.split(java.io.File.pathSeparator)).filter(s -> !s.isBlank()).map(Path::of)
                .toList();
        return new SnippetCompiler(entries);
    }

    /** What fragments import: the JDK packages above and every package of our jars that is not internal. */
    List<String> defaultImports() {
        return defaultImports;
    }

    /**
     * Compiles {@code snippet} with every lint warning an error (but unused try resources: a fragment's
     * {@code try (client)} with its body left out).
     *
     * @return the problems, each as {@code file.md:line: message}; empty when it compiles
     */
    List<String> compile(MarkdownSnippet snippet, Path root) throws IOException {
        String where = snippet.where(root);
        SnippetUnit unit;
        try {
            unit = SnippetUnit.of(snippet, defaultImports);
        } catch (IllegalArgumentException e) {
            return List.of(where + ": " + e.getMessage());
        }
        Path classes = Files.createTempDirectory("snippet");
        try {
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            List<String> options = List.of("--release", "17", "-proc:none", "-Xlint:all,-try", "-Werror",
                    "-classpath", String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()),
                    "-d", classes.toString());
            JavaFileObject source = new SimpleJavaFileObject(URI.create("string:///" + unit.className() + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return unit.source();
                }
            };
            boolean compiled = javac.getTask(null, files, diagnostics, options, null, List.of(source)).call();
            List<String> problems = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() == Diagnostic.Kind.NOTE) {
                    continue;
                }
                int line = unit.markdownLine(diagnostic.getLineNumber());
                String at = line > 0 ? root.relativize(snippet.file()) + ":" + line : where + " (wrapper line "
                        + diagnostic.getLineNumber() + ": " + unit.lines().get((int) diagnostic.getLineNumber() - 1).strip() + ")";
                problems.add(at + ": " + diagnostic.getMessage(Locale.ROOT));
            }
            if (!compiled && problems.isEmpty()) {
                problems.add(where + ": javac failed without saying why");
            }
            return problems;
        } finally {
            try (Stream<Path> files = Files.walk(classes)) {
                files.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(SnippetCompiler::delete);
            }
        }
    }

    private static List<String> defaultImports(List<Path> classpath) {
        TreeSet<String> ours = new TreeSet<>();
        for (Path entry : classpath) {
            for (String className : classNames(entry)) {
                int lastDot = className.lastIndexOf('.');
                String pkg = className.substring(0, lastDot);
                if (pkg.startsWith("dev.ddbstreams.") && !pkg.endsWith(".internal") && !pkg.contains(".internal.")) {
                    ours.add(pkg + ".*");
                }
            }
        }
        List<String> imports = new ArrayList<>(JDK_IMPORTS);
        imports.addAll(ours);
        if (ours.contains("dev.ddbstreams.streams.model.*")) {
            imports.add(STREAM_RECORD);
        }
        return List.copyOf(imports);
    }

    private static List<String> classNames(Path entry) {
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(entry)) {
            try (Stream<Path> files = Files.walk(entry)) {
                files.map(p -> entry.relativize(p).toString().replace(java.io.File.separatorChar, '/'))
                        .filter(SnippetCompiler::isTopLevelClass)
                        .forEach(name -> names.add(toClassName(name)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } else if (entry.toString().endsWith(".jar") && Files.isRegularFile(entry)) {
            try (JarFile jar = new JarFile(entry.toFile())) {
                for (Enumeration<JarEntry> entries = jar.entries(); entries.hasMoreElements(); ) {
                    String name = entries.nextElement().getName();
                    if (isTopLevelClass(name)) {
                        names.add(toClassName(name));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return names;
    }

    private static boolean isTopLevelClass(String path) {
        return path.endsWith(".class") && !path.contains("$") && path.contains("/")
                && !path.startsWith("META-INF/") && !path.endsWith("package-info.class") && !path.endsWith("module-info.class");
    }

    private static String toClassName(String path) {
        return path.substring(0, path.length() - ".class".length()).replace('/', '.');
    }

    private static void delete(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
