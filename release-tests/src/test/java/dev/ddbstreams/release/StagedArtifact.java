package dev.ddbstreams.release;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * One artifact as the staging deploy left it: {@code dev/ddbstreams/<artifactId>/<version>/} holding its POM, jars
 * and, beside each file, checksums and perhaps a signature. A SNAPSHOT's files carry a timestamp in their names
 * ({@code client-runtime-0.1.0-20260101.120000-1.jar}); {@link #baseName()} is that name without extension.
 *
 * @param artifactId the folder's artifact id
 * @param folder the version folder
 * @param baseName the file name of the POM without {@code .pom}
 * @param pom the POM's root element
 */
record StagedArtifact(String artifactId, Path folder, String baseName, Element pom) {

    /** Every artifact staged under {@code staging}'s {@code dev/ddbstreams}. */
    static List<StagedArtifact> in(Path staging) throws IOException {
        List<StagedArtifact> artifacts = new ArrayList<>();
        Path group = staging.resolve("dev/ddbstreams");
        try (Stream<Path> artifactFolders = Files.list(group)) {
            for (Path artifactFolder : artifactFolders.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> versions = Files.list(artifactFolder)) {
                    for (Path version : versions.filter(Files::isDirectory).sorted().toList()) {
                        artifacts.add(of(artifactFolder.getFileName().toString(), version));
                    }
                }
            }
        }
        return artifacts;
    }

    private static StagedArtifact of(String artifactId, Path folder) throws IOException {
        List<Path> poms;
        try (Stream<Path> files = Files.list(folder)) {
            poms = files.filter(p -> p.getFileName().toString().endsWith(".pom")).toList();
        }
        if (poms.size() != 1) {
            throw new IllegalStateException(folder + " holds " + poms.size() + " POMs, not one: " + poms);
        }
        String pomName = poms.get(0).getFileName().toString();
        return new StagedArtifact(artifactId, folder, pomName.substring(0, pomName.length() - ".pom".length()),
                parse(poms.get(0)));
    }

    /** The packaging the POM states; {@code jar} when it states none. */
    String packaging() {
        return child(pom, "packaging").map(Element::getTextContent).orElse("jar");
    }

    /** The files Maven Central requires of this artifact's packaging: the POM, and for code the jar, sources, javadoc. */
    List<Path> requiredFiles() {
        List<Path> files = new ArrayList<>();
        files.add(file(".pom"));
        if (!packaging().equals("pom")) {
            files.add(file(".jar"));
            files.add(file("-sources.jar"));
            files.add(file("-javadoc.jar"));
        }
        return files;
    }

    /** The staged file {@code baseName + suffix}. */
    Path file(String suffix) {
        return folder.resolve(baseName + suffix);
    }

    static Element parse(Path pom) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(pom.toFile()).getDocumentElement();
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException(pom + " is not a readable POM: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first child element of {@code parent} named {@code name}. */
    static Optional<Element> child(Element parent, String name) {
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                return Optional.of(element);
            }
        }
        return Optional.empty();
    }

    /** The child elements of {@code parent} named {@code name}. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element && element.getTagName().equals(name)) {
                found.add(element);
            }
        }
        return found;
    }

    /** The trimmed text of the path of child elements below {@code element}, such as {@code scm/url}; empty when absent or blank. */
    static Optional<String> text(Element element, String path) {
        Element current = element;
        for (String name : path.split("/")) {
            Optional<Element> next = child(current, name);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            current = next.get();
        }
        String text = current.getTextContent().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }
}
