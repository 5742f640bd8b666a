package dev.ddbstreams.codegen.write;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes a set of generated files into an output directory so that a build tool sees change only where there
 * is change: a file whose content is already there is not touched (its timestamp stays, so the compiler's
 * staleness check has nothing to do), and files this writer generated last time but not this time are
 * removed. What was generated is remembered in a manifest in the output directory; files the writer did not
 * generate are never deleted.
 */
public final class GeneratedFileWriter {

    /** The manifest of what the last run wrote, relative paths one a line, sorted. */
    public static final String MANIFEST = ".ddbstreams-codegen-files";

    private final Path outputDirectory;

    public GeneratedFileWriter(Path outputDirectory) {
        this.outputDirectory = outputDirectory;
    }

    /**
     * Brings the output directory in line with {@code files} (relative path to content).
     *
     * @return what changed
     */
    public WriteResult write(Map<String, String> files) throws IOException {
        SortedMap<String, String> sorted = new TreeMap<>(files);
        Files.createDirectories(outputDirectory);
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        for (Map.Entry<String, String> file : sorted.entrySet()) {
            Path target = outputDirectory.resolve(file.getKey());
            byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
                unchanged.add(file.getKey());
                continue;
            }
            writeAtomically(target, content);
            written.add(file.getKey());
        }
        List<String> deleted = new ArrayList<>();
        for (String previous : previousManifest()) {
            if (!sorted.containsKey(previous)) {
                Path stale = outputDirectory.resolve(previous).normalize();
                if (stale.startsWith(outputDirectory.normalize()) && Files.deleteIfExists(stale)) {
                    deleted.add(previous);
                    deleteEmptyParents(stale.getParent());
                }
            }
        }
        String manifest = String.join("\n", sorted.keySet()) + "\n";
        Path manifestFile = outputDirectory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifestFile) || !Files.readString(manifestFile, StandardCharsets.UTF_8).equals(manifest)) {
            writeAtomically(manifestFile, manifest.getBytes(StandardCharsets.UTF_8));
        }
        return new WriteResult(written, unchanged, deleted);
    }

    private List<String> previousManifest() throws IOException {
        Path manifest = outputDirectory.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        return new ArrayList<>(new TreeSet<>(Files.readAllLines(manifest, StandardCharsets.UTF_8)).stream().filter(l -> !l.isBlank()).toList());
    }

    private void deleteEmptyParents(Path directory) throws IOException {
        Path root = outputDirectory.normalize();
        Path current = directory;
        while (current != null && current.startsWith(root) && !current.equals(root)) {
            try (var entries = Files.list(current)) {
                if (entries.findAny().isPresent()) {
                    return;
                }
            }
            Files.delete(current);
            current = current.getParent();
        }
    }

    /** Write then rename, so that an interrupted build never leaves half a file that looks current. */
    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".tmp-", ".part");
        try {
            Files.write(temporary, content);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * What a write did.
     *
     * @param written files created or rewritten, relative paths
     * @param unchanged files already up to date
     * @param deleted files of a previous run that are no longer generated
     */
    public record WriteResult(List<String> written, List<String> unchanged, List<String> deleted) {

        public WriteResult {
            written = List.copyOf(written);
            unchanged = List.copyOf(unchanged);
            deleted = List.copyOf(deleted);
        }
    }
}
