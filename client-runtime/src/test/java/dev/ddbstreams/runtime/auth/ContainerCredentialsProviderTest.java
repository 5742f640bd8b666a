package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ECS / EKS Pod Identity endpoint, played by MockWebServer. */
class ContainerCredentialsProviderTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");

    @StartStop
    private final MockWebServer server = new MockWebServer();

    @TempDir
    Path home;

    private final MutableClock clock = new MutableClock(T0);

    private ContainerCredentialsProvider provider(TestEnvironment environment) {
        return ContainerCredentialsProvider.create(environment.build(), clock);
    }

    private TestEnvironment fullUri() {
        return TestEnvironment.home(home).variable("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                server.url("/v1/credentials").toString());
    }

    static MockResponse credentials(String accessKeyId, Instant expiration) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json").body("""
                {"AccessKeyId":"%s","SecretAccessKey":"SECRETVALUE","Token":"TOKENVALUE",
                 "Expiration":"%s","RoleArn":"arn:aws:iam::123456789012:role/task"}""".formatted(accessKeyId,
                expiration)).build();
    }

    @Test
    void relativeUriIsFetchedFromTheServiceEndpoint() throws Exception {
        server.enqueue(credentials("AKIDTASK", T0.plus(Duration.ofHours(6))));

        AwsCredentials result = provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc")
                .variable("AWS_CONTAINER_SERVICE_ENDPOINT", server.url("/").toString()))
                .resolveCredentials();

        assertThat(result).isEqualTo(AwsCredentials.builder().accessKeyId("AKIDTASK").secretAccessKey("SECRETVALUE")
                .sessionToken("TOKENVALUE").expiration(T0.plus(Duration.ofHours(6))).build());
        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("GET");
        assertThat(request.getTarget()).isEqualTo("/v2/credentials/abc");
        assertThat(request.getHeaders().get("Authorization")).isNull();
    }

    @Test
    void fullUriSendsTheAuthorizationTokenFromTheEnvironment() throws Exception {
        server.enqueue(credentials("AKIDPOD", T0.plus(Duration.ofHours(6))));

        provider(fullUri().variable("AWS_CONTAINER_AUTHORIZATION_TOKEN", "Basic abc")).resolveCredentials();

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/v1/credentials");
        assertThat(request.getHeaders().get("Authorization")).isEqualTo("Basic abc");
    }

    @Test
    void tokenFileWinsAndIsReadAgainAtEveryRefresh() throws Exception {
        Path tokenFile = home.resolve("eks-pod-identity-token");
        Files.writeString(tokenFile, "first-token\n");
        server.enqueue(credentials("AKID1", T0.plus(Duration.ofHours(1))));
        server.enqueue(credentials("AKID2", T0.plus(Duration.ofHours(2))));
        ContainerCredentialsProvider provider = provider(fullUri()
                .variable("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", tokenFile.toString())
                .variable("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored"));

        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        Files.writeString(tokenFile, "rotated-token");
        clock.set(T0.plus(Duration.ofMinutes(56)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID2");

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("first-token");
        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("rotated-token");
    }

    @Test
    void credentialsAreCachedUntilTheyNearExpiry() {
        server.enqueue(credentials("AKID1", T0.plus(Duration.ofHours(1))));
        server.enqueue(credentials("AKID2", T0.plus(Duration.ofHours(2))));
        ContainerCredentialsProvider provider = provider(fullUri());

        provider.resolveCredentials();
        clock.set(T0.plus(Duration.ofMinutes(54)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        assertThat(server.getRequestCount()).isEqualTo(1);

        clock.set(T0.plus(Duration.ofMinutes(55)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID2");
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void plainHttpToAnotherHostIsRefusedBeforeAnyRequest() {
        assertThatThrownBy(() -> provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://198.51.100.7/creds")).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("must be an https URL")
                .hasMessageContaining("198.51.100.7");
    }

    @Test
    void httpsAndTheEcsAndEksAddressesAreAllowed() {
        assertThat(provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://creds.example.com/x")).endpoint().host())
                .isEqualTo("creds.example.com");
        for (String url : new String[] {"http://169.254.170.2/x", "http://169.254.170.23/v1/credentials",
                "http://[fd00:ec2::23]/v1/credentials", "http://127.0.0.1:9000/x"}) {
            assertThat(provider(TestEnvironment.home(home).variable("AWS_CONTAINER_CREDENTIALS_FULL_URI", url))
                    .endpoint().toString()).startsWith(url.substring(0, url.lastIndexOf('/')));
        }
    }

    @Test
    void notConfiguredSaysSo() {
        assertThatThrownBy(() -> provider(TestEnvironment.home(home)).resolveCredentials())
                .hasMessage("Neither AWS_CONTAINER_CREDENTIALS_RELATIVE_URI nor AWS_CONTAINER_CREDENTIALS_FULL_URI "
                        + "is set: not running in a container that provides credentials");
    }

    @Test
    void errorStatusIsReportedWithoutTheCredentialsPath() {
        server.enqueue(new MockResponse.Builder().code(403).body("{\"message\":\"denied\"}").build());

        assertThatThrownBy(() -> provider(TestEnvironment.home(home)
                .variable("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/SECRET-TASK-ID")
                .variable("AWS_CONTAINER_SERVICE_ENDPOINT", server.url("/").toString())).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessage("The container credentials endpoint http://" + server.getHostName() + ":"
                        + server.getPort() + " answered HTTP 403");
    }

    @Test
    void incompleteDocumentIsReportedWithoutQuotingIt() {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"AccessKeyId\":\"AKID\",\"Token\":\"TOPSECRET\"}")
                .build());

        assertThatThrownBy(() -> provider(fullUri()).resolveCredentials())
                .hasMessageContaining("AccessKeyId or SecretAccessKey is missing")
                .hasMessageNotContaining("TOPSECRET");
    }

    @Test
    void tokenWithALineBreakIsRefusedWithoutQuotingIt() {
        assertThatThrownBy(() -> provider(fullUri().variable("AWS_CONTAINER_AUTHORIZATION_TOKEN",
                "TOPSECRET\r\nX-Evil: 1")).resolveCredentials())
                .hasMessageContaining("line break")
                .hasMessageNotContaining("TOPSECRET");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unreachableEndpointKeepsTheIoCause() {
        ContainerCredentialsProvider provider = provider(fullUri());
        server.close();

        assertThatThrownBy(provider::resolveCredentials)
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("Unable to reach the container credentials endpoint")
                .hasCauseInstanceOf(java.io.IOException.class);
    }
}
