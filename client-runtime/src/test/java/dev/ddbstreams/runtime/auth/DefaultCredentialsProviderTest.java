package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's order, each source built in a temporary home folder or served by MockWebServer. */
class DefaultCredentialsProviderTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @TempDir
    Path home;

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DefaultCredentialsProvider provider(TestEnvironment environment) {
        return DefaultCredentialsProvider.builder().systemEnvironment(environment.build())
                .clock(new MutableClock(T0)).build();
    }

    private void profileFile() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"),
                "[default]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = s\n");
    }

    /** Every source configured; each test removes those that should not win. */
    private TestEnvironment everything() throws IOException {
        profileFile();
        return TestEnvironment.home(home)
                .property("aws.accessKeyId", "AKIDPROPERTY").property("aws.secretAccessKey", "s")
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV").variable("AWS_SECRET_ACCESS_KEY", "s")
                .variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url("/container").toString())
                .variable("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url("/").toString());
    }

    @Test
    void orderIsThatOfTheAwsSdks() {
        assertThat(DefaultCredentialsProvider.create().providers()).extracting(Object::getClass).containsExactly(
                SystemPropertyCredentialsProvider.class, EnvironmentCredentialsProvider.class,
                ProfileCredentialsProvider.class, ContainerCredentialsProvider.class,
                InstanceProfileCredentialsProvider.class);
    }

    @Test
    void systemPropertiesComeFirst() throws IOException {
        assertThat(provider(everything()).resolveCredentials().accessKeyId()).isEqualTo("AKIDPROPERTY");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void environmentBeforeProfile() throws IOException {
        profileFile();
        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_ACCESS_KEY_ID", "AKIDENV").variable("AWS_SECRET_ACCESS_KEY", "s"))
                .resolveCredentials().accessKeyId()).isEqualTo("AKIDENV");
    }

    @Test
    void profileBeforeContainer() throws IOException {
        profileFile();
        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url("/container").toString()))
                .resolveCredentials().accessKeyId()).isEqualTo("AKIDPROFILE");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void containerBeforeInstanceProfile() {
        server.enqueue(ContainerCredentialsProviderTest.credentials("AKIDCONTAINER", T0.plus(Duration.ofHours(1))));

        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", server.url("/container").toString())
                .variable("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url("/").toString()))
                .resolveCredentials().accessKeyId()).isEqualTo("AKIDCONTAINER");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void instanceProfileLast() {
        server.enqueue(new MockResponse.Builder().code(200).body("token").build());
        server.enqueue(new MockResponse.Builder().code(200).body("role").build());
        server.enqueue(ContainerCredentialsProviderTest.credentials("AKIDEC2", T0.plus(Duration.ofHours(6))));

        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_EC2_METADATA_SERVICE_ENDPOINT", server.url("/").toString()))
                .resolveCredentials().accessKeyId()).isEqualTo("AKIDEC2");
    }

    @Test
    void noCredentialsAnywhereListsWhatEachProviderTried() {
        assertThatThrownBy(() -> provider(TestEnvironment.home(home)
                .variable("AWS_EC2_METADATA_DISABLED", "true")).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("1. SystemPropertyCredentialsProvider: The system properties aws.accessKeyId "
                        + "and aws.secretAccessKey are not set")
                .hasMessageContaining("2. EnvironmentCredentialsProvider: The environment variables "
                        + "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are not set")
                .hasMessageContaining("3. ProfileCredentialsProvider(profile=from environment): Profile \"default\" "
                        + "not found in " + home.resolve(".aws/config") + " (not found)")
                .hasMessageContaining("4. ContainerCredentialsProvider: Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI")
                .hasMessageContaining("5. InstanceProfileCredentialsProvider: The EC2 instance metadata service is "
                        + "disabled")
                .hasMessageContaining("credentialsProvider(...)");
    }

    @Test
    void builderProfileNameReachesTheProfileProvider() throws IOException {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"),
                "[named]\naws_access_key_id = AKIDNAMED\naws_secret_access_key = s\n");

        assertThat(DefaultCredentialsProvider.builder()
                .systemEnvironment(TestEnvironment.home(home).build())
                .profileName("named")
                .build().resolveCredentials().accessKeyId()).isEqualTo("AKIDNAMED");
    }
}
