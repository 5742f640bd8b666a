package dev.ddbstreams.benchmarks.footprint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The jars an application puts on its runtime classpath to use one client, as Maven resolves them. */
public record Footprint(String id, String label, List<Jar> jars) {

    /** One jar and its size on disk. */
    public record Jar(String name, long bytes) {}

    /** Reads a classpath file as {@code mvn dependency:build-classpath} writes it: paths joined by the separator. */
    public static Footprint of(String id, String label, Path classpathFile) throws IOException {
        List<Jar> jars = new ArrayList<>();
        for (String entry : classpath(classpathFile)) {
            Path jar = Path.of(entry);
            jars.add(new Jar(jar.getFileName().toString(), Files.size(jar)));
        }
        jars.sort(Comparator.comparingLong(Jar::bytes).reversed());
        return new Footprint(id, label, List.copyOf(jars));
    }

    /** The entries of a classpath file. */
    public static List<String> classpath(Path classpathFile) throws IOException {
        String text = Files.readString(classpathFile).trim();
        return text.isEmpty() ? List.of() : List.of(text.split(java.io.File.pathSeparator));
    }

    public long bytes() {
        return jars.stream().mapToLong(Jar::bytes).sum();
    }

    public int count() {
        return jars.size();
    }
}
