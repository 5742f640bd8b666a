package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Refuses, when a client is built, AWS SDK for Java signer jars older than the runtime needs.
 *
 * <p>Requests are signed with the AWS SDK's {@code http-auth-aws}. An application that also uses the AWS SDK often
 * pins its jars to its own, older version (through {@code software.amazon.awssdk:bom}); without this check the
 * first call would then fail deep in the signer with a {@code NoSuchMethodError}. The check reads each jar's version
 * from the {@code pom.properties} Maven writes into it and compares it with the minimum written into this jar at
 * build time ({@code awssdk.minimum.version} in the parent POM). A jar whose version cannot be read (repackaged,
 * shaded) is not judged.
 */
final class AwsSdkVersionCheck {

    /** The jars on the signing path, each with a class that lives in it. */
    private static final List<AwsJar> SIGNER_JARS = List.of(
            new AwsJar("http-auth-aws", "software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner"),
            new AwsJar("http-auth-spi", "software.amazon.awssdk.http.auth.spi.signer.HttpSigner"),
            new AwsJar("http-client-spi", "software.amazon.awssdk.http.ContentStreamProvider"),
            new AwsJar("identity-spi", "software.amazon.awssdk.identity.spi.AwsCredentialsIdentity"),
            new AwsJar("checksums", "software.amazon.awssdk.checksums.SdkChecksum"),
            new AwsJar("checksums-spi", "software.amazon.awssdk.checksums.spi.ChecksumAlgorithm"),
            new AwsJar("utils", "software.amazon.awssdk.utils.Validate"));

    /** Empty once the jars passed; the message once they failed; {@code null} before the first check. */
    private static volatile Optional<String> verdict;

    private AwsSdkVersionCheck() {}

    /**
     * Checks the signer jars this class was loaded with, once per class loader.
     *
     * @throws SdkClientException naming each jar that is too old, its version, the version needed and the fix
     */
    static void requireSupportedSigner() {
        Optional<String> known = verdict;
        if (known == null) {
            Properties built = buildVersions();
            known = problem(AwsSdkVersionCheck.class.getClassLoader(),
                    built.getProperty("awsSdkMinimumVersion"), built.getProperty("awsSdkVersion"));
            verdict = known;
        }
        known.ifPresent(message -> {
            throw new SdkClientException(message);
        });
    }

    /**
     * What is wrong with the signer jars {@code loader} sees, if anything.
     *
     * @param minimum the oldest AWS SDK version that works, such as {@code 2.25.69}
     * @param builtWith the AWS SDK version the runtime was built and tested with
     * @return the message naming every jar older than {@code minimum}; empty when none is
     */
    static Optional<String> problem(ClassLoader loader, String minimum, String builtWith) {
        if (minimum == null) {
            return Optional.empty(); // classes not built by Maven (an IDE's own build): nothing to compare with
        }
        List<String> tooOld = new ArrayList<>();
        for (AwsJar jar : SIGNER_JARS) {
            jar.version(loader)
                    .filter(found -> compare(found.version(), minimum) < 0)
                    .ifPresent(found -> tooOld.add("software.amazon.awssdk:" + jar.artifactId() + " " + found.version()
                            + " (" + found.location() + ")"));
        }
        if (tooOld.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("This DynamoDB Streams client signs requests with the AWS SDK for Java, and needs its jars "
                + "at version " + minimum + " or newer (it was built and tested with " + builtWith + "), but the class "
                + "path has older ones: " + String.join(", ", tooOld) + ". They come from the application's own "
                + "dependency versions, most often an import of software.amazon.awssdk:bom. Fix: raise that BOM (or "
                + "these jars) to " + minimum + " or newer, ideally " + builtWith + "; without the AWS SDK BOM, import "
                + "dev.ddbstreams:ddbstreams-bom, which pins them (see docs/configuration.md, \"Using the AWS SDK for "
                + "Java alongside\").");
    }

    /** Compares dotted versions number by number ({@code 2.25.9 < 2.25.69}); a qualifier such as {@code -SNAPSHOT} is ignored. */
    static int compare(String a, String b) {
        String[] left = a.split("[.-]");
        String[] right = b.split("[.-]");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int difference = Long.compare(number(left, i), number(right, i));
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

    private static long number(String[] parts, int index) {
        if (index >= parts.length || !parts[index].matches("\\d{1,18}")) {
            return 0;
        }
        return Long.parseLong(parts[index]);
    }

    /** A jar's version and where it was found. */
    record Found(String version, String location) {}

    /** An AWS SDK jar, known by its artifact id and a class in it. */
    record AwsJar(String artifactId, String className) {

        /** The version of the jar {@code loader} loads the class from; empty when it has no such class or says no version. */
        Optional<Found> version(ClassLoader loader) {
            String classFile = className.replace('.', '/') + ".class";
            URL classUrl = loader.getResource(classFile);
            if (classUrl == null) {
                return Optional.empty();
            }
            String url = classUrl.toString();
            String base = url.substring(0, url.length() - classFile.length());
            String pomProperties = base + "META-INF/maven/software.amazon.awssdk/" + artifactId + "/pom.properties";
            try (InputStream in = URI.create(pomProperties).toURL().openStream()) {
                Properties properties = new Properties();
                properties.load(in);
                String location = base.startsWith("jar:") && base.endsWith("!/") ? base.substring(4, base.length() - 2) : base;
                return Optional.ofNullable(properties.getProperty("version")).map(v -> new Found(v, location));
            } catch (IOException | IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }

    /** The versions Maven wrote into {@code runtime-version.properties} when it built this jar. */
    private static Properties buildVersions() {
        try (InputStream in = AwsSdkVersionCheck.class.getResourceAsStream("runtime-version.properties")) {
            Properties properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the build versions from the jar", e);
        }
    }
}
