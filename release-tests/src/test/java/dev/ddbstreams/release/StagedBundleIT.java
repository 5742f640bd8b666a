package dev.ddbstreams.release;

import static dev.ddbstreams.release.StagedArtifact.child;
import static dev.ddbstreams.release.StagedArtifact.children;
import static dev.ddbstreams.release.StagedArtifact.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Element;

/**
 * The bundle the build staged ({@code target/staging}, every published module deploys itself there in its verify
 * phase) holds everything Maven Central requires of each artifact: the POM metadata, the jar, sources and javadoc
 * jars, MD5 and SHA-1 checksums that match, and, when the build signs (the release profile with a key), a valid
 * signature of each file. Also what we require of our own jars: the legal files, an Automatic-Module-Name, and a BOM
 * that names every published jar. Writes the list of staged files to {@code target/staged-bundle.txt}.
 */
class StagedBundleIT {

    private static final Path STAGING = Path.of(System.getProperty("staging.dir", "../target/staging"));
    private static final List<String> PUBLISHED = List.of(System.getProperty("published.artifacts", "").split(","));
    private static final boolean SIGNED = "signing=true".equals(System.getProperty("signing"));
    private static final String MODULE_NAME = "[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*";

    private static Map<String, StagedArtifact> staged;

    @BeforeAll
    static void readStaging() throws IOException {
        assumeFalse("offline=true".equals(System.getProperty("offline")), "an offline build (-o) stages nothing: Maven's deploy refuses to run");
        assertThat(STAGING.resolve("dev/ddbstreams")).as("the staging folder; run the build to verify").isDirectory();
        staged = StagedArtifact.in(STAGING).stream()
                .collect(Collectors.toMap(StagedArtifact::artifactId, Function.identity(), (a, b) -> {
                    throw new IllegalStateException("two versions of " + a.artifactId() + " staged: " + a.folder()
                            + ", " + b.folder());
                }));
        try (Stream<Path> files = Files.walk(STAGING)) {
            Files.write(Path.of("target", "staged-bundle.txt"), files.filter(Files::isRegularFile)
                    .map(p -> STAGING.relativize(p) + "  " + size(p)).sorted().toList());
        }
    }

    @Test
    void everyPublishedModuleIsStaged() {
        assertThat(staged.keySet()).containsAll(PUBLISHED);
    }

    @TestFactory
    Stream<DynamicTest> everyStagedArtifactHoldsWhatMavenCentralRequires() {
        return staged.values().stream().sorted((a, b) -> a.artifactId().compareTo(b.artifactId()))
                .map(artifact -> dynamicTest(artifact.artifactId(), () -> {
                    requiredFilesWithChecksums(artifact);
                    if (SIGNED) {
                        signatures(artifact);
                    }
                    pomMetadata(artifact);
                    if (!artifact.packaging().equals("pom")) {
                        jars(artifact);
                    }
                }));
    }

    @Test
    void theBomPinsEveryPublishedJarAndInheritsNothing() {
        StagedArtifact bom = staged.get("ddbstreams-bom");
        assertThat(child(bom.pom(), "parent")).as("a BOM published with a parent would import the parent's pins").isEmpty();
        Element managed = child(bom.pom(), "dependencyManagement").flatMap(d -> child(d, "dependencies")).orElseThrow();
        List<String> pinned = children(managed, "dependency").stream()
                .map(d -> text(d, "groupId").orElse("") + ":" + text(d, "artifactId").orElse("")).toList();
        List<String> jars = staged.values().stream().filter(a -> !a.packaging().equals("pom"))
                .map(a -> "dev.ddbstreams:" + a.artifactId()).toList();
        assertThat(pinned).containsAll(jars).contains("software.amazon.awssdk:http-auth-aws");
    }

    private static void requiredFilesWithChecksums(StagedArtifact artifact) throws Exception {
        for (Path file : artifact.requiredFiles()) {
            assertThat(file).as("required by Maven Central").isRegularFile();
            byte[] bytes = Files.readAllBytes(file);
            assertThat(checksumIn(file, ".md5")).as(file + ".md5").isEqualTo(digest("MD5", bytes));
            assertThat(checksumIn(file, ".sha1")).as(file + ".sha1").isEqualTo(digest("SHA-1", bytes));
        }
    }

    private static void signatures(StagedArtifact artifact) throws Exception {
        for (Path file : artifact.requiredFiles()) {
            Path signature = Path.of(file + ".asc");
            assertThat(signature).as("the signing build signs every file").isRegularFile();
            assertThat(Files.readString(signature)).startsWith("-----BEGIN PGP SIGNATURE-----");
            Process gpg = new ProcessBuilder("gpg", "--batch", "--verify", signature.toString(), file.toString())
                    .redirectErrorStream(true).start();
            String output = new String(gpg.getInputStream().readAllBytes());
            assertThat(gpg.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(gpg.exitValue()).as("gpg --verify %s: %s", signature, output).isZero();
        }
    }

    /** What Central requires, inherited through staged parents as Maven inherits it; name and description each module's own. */
    private static void pomMetadata(StagedArtifact artifact) {
        Element pom = artifact.pom();
        assertThat(text(pom, "name")).as("%s: its own <name>", artifact.artifactId()).isPresent();
        assertThat(text(pom, "description")).as("%s: its own <description>", artifact.artifactId()).isPresent();
        assertThat(inherited(artifact, "groupId")).as("groupId").isPresent();
        assertThat(inherited(artifact, "version")).as("version").isPresent();
        for (String required : List.of("url", "licenses/license/name", "licenses/license/url", "developers/developer/name",
                "scm/url", "scm/connection")) {
            assertThat(inherited(artifact, required)).as("%s: <%s>, its own or a staged parent's", artifact.artifactId(), required)
                    .isPresent();
        }
    }

    private static Optional<String> inherited(StagedArtifact artifact, String path) {
        Optional<String> own = text(artifact.pom(), path);
        if (own.isPresent() || child(artifact.pom(), "parent").isEmpty()) {
            return own;
        }
        Element parent = child(artifact.pom(), "parent").orElseThrow();
        if (path.equals("groupId") || path.equals("version")) {
            return text(parent, path);
        }
        String parentId = text(parent, "artifactId").orElseThrow();
        StagedArtifact stagedParent = staged.get(parentId);
        assertThat(stagedParent).as("%s's parent %s is staged too (Central resolves it)", artifact.artifactId(), parentId)
                .isNotNull();
        return inherited(stagedParent, path);
    }

    private static void jars(StagedArtifact artifact) throws IOException {
        for (String suffix : List.of(".jar", "-sources.jar", "-javadoc.jar")) {
            try (JarFile jar = new JarFile(artifact.file(suffix).toFile())) {
                assertThat(jar.getEntry("META-INF/LICENSE")).as("META-INF/LICENSE in %s", jar.getName()).isNotNull();
                assertThat(jar.getEntry("META-INF/NOTICE")).as("META-INF/NOTICE in %s", jar.getName()).isNotNull();
                if (suffix.equals(".jar")) {
                    assertThat(jar.getManifest().getMainAttributes().getValue("Automatic-Module-Name"))
                            .as("Automatic-Module-Name of %s", jar.getName()).matches(MODULE_NAME);
                } else if (suffix.equals("-sources.jar")) {
                    assertThat(jar.stream().anyMatch(e -> e.getName().endsWith(".java"))).as("sources").isTrue();
                } else {
                    assertThat(jar.getEntry("index.html")).as("javadoc").isNotNull();
                }
            }
        }
    }

    private static String checksumIn(Path file, String extension) throws IOException {
        Path checksum = Path.of(file + extension);
        assertThat(checksum).as("checksum required by Maven Central").isRegularFile();
        return Files.readString(checksum).strip().split("\\s+")[0];
    }

    private static String digest(String algorithm, byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(bytes));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return -1;
        }
    }
}
