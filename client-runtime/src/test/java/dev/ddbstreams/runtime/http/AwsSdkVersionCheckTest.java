package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The signer jars of real AWS SDK releases (copied into {@code target/aws-sdk/} by the build), loaded in a class
 * loader of their own as an application's class path would hold them.
 */
class AwsSdkVersionCheckTest {

    private static final Path JARS = Path.of("target", "aws-sdk");

    @Test
    void signerJarsOlderThanTheMinimumAreRefusedByNameVersionAndFix() throws IOException {
        Properties built = buildVersions();
        String minimum = built.getProperty("awsSdkMinimumVersion");
        try (URLClassLoader sdk225 = loaderOf(JARS.resolve("2.25.0"))) {
            Optional<String> problem = AwsSdkVersionCheck.problem(sdk225, minimum, "2.57.8");

            assertThat(problem).hasValueSatisfying(message -> assertThat(message)
                    .contains("software.amazon.awssdk:http-client-spi 2.25.0 (file:")
                    .contains("http-client-spi-2.25.0.jar)")
                    .contains("software.amazon.awssdk:http-auth-aws 2.25.0 (file:")
                    .contains("needs its jars at version " + minimum + " or newer")
                    .contains("built and tested with 2.57.8")
                    .contains("Fix: raise that BOM (or these jars) to " + minimum + " or newer")
                    .contains("dev.ddbstreams:ddbstreams-bom"));
        }
    }

    @Test
    void theOldestWorkingSdkPasses() throws IOException {
        Properties built = buildVersions();
        try (URLClassLoader oldest = loaderOf(JARS.resolve("minimum"))) {
            assertThat(AwsSdkVersionCheck.problem(oldest, built.getProperty("awsSdkMinimumVersion"), "2.57.8")).isEmpty();
        }
    }

    @Test
    void theSdkThisRuntimeIsBuiltWithPassesAndClientsBuild() {
        Properties built = buildVersions();
        assertThat(AwsSdkVersionCheck.problem(getClass().getClassLoader(), built.getProperty("awsSdkMinimumVersion"),
                built.getProperty("awsSdkVersion"))).isEmpty();
        AwsSdkVersionCheck.requireSupportedSigner();
    }

    @Test
    void buildWritesBothVersionsIntoTheJar() {
        Properties built = buildVersions();
        assertThat(built.getProperty("awsSdkMinimumVersion")).matches("2\\.\\d+\\.\\d+");
        assertThat(built.getProperty("awsSdkVersion")).matches("2\\.\\d+\\.\\d+");
        assertThat(AwsSdkVersionCheck.compare(built.getProperty("awsSdkVersion"), built.getProperty("awsSdkMinimumVersion")))
                .as("the SDK we build with is at least the minimum we claim").isGreaterThanOrEqualTo(0);
    }

    @Test
    void versionsCompareNumberByNumber() {
        assertThat(AwsSdkVersionCheck.compare("2.25.9", "2.25.69")).isNegative();
        assertThat(AwsSdkVersionCheck.compare("2.25.69", "2.25.69")).isZero();
        assertThat(AwsSdkVersionCheck.compare("2.26.0", "2.25.69")).isPositive();
        assertThat(AwsSdkVersionCheck.compare("3.0", "2.99.99")).isPositive();
        assertThat(AwsSdkVersionCheck.compare("2.25.69-SNAPSHOT", "2.25.69")).isZero();
        assertThat(AwsSdkVersionCheck.compare("2.25", "2.25.0")).isZero();
    }

    @Test
    void jarsWithoutMavenDescriptorAreNotJudged() throws IOException {
        // A class loader that finds no AWS classes at all, as with a shaded or relocated SDK.
        try (URLClassLoader empty = new URLClassLoader(new URL[0], null)) {
            assertThat(AwsSdkVersionCheck.problem(empty, "2.25.69", "2.57.8")).isEmpty();
        }
    }

    private static URLClassLoader loaderOf(Path folder) throws IOException {
        try (Stream<Path> jars = Files.list(folder)) {
            URL[] urls = jars.filter(p -> p.toString().endsWith(".jar")).sorted().map(AwsSdkVersionCheckTest::url)
                    .toArray(URL[]::new);
            assertThat(urls).as("jars in %s", folder).hasSize(2);
            return new URLClassLoader(urls, null);
        }
    }

    private static URL url(Path jar) {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static Properties buildVersions() {
        try (InputStream in = AwsSdkVersionCheck.class.getResourceAsStream("runtime-version.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
