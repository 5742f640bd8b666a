package dev.ddbstreams.runtime.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.testing.MutableClock;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The EC2 instance metadata service with IMDSv2 tokens, played by MockWebServer. */
class InstanceProfileCredentialsProviderTest {

    private static final Instant T0 = Instant.parse("2030-01-01T00:00:00Z");
    private static final String ROLE_PATH = "/latest/meta-data/iam/security-credentials/";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final MutableClock clock = new MutableClock(T0);
    private final Imds imds = new Imds();

    /** A fake metadata service: issues numbered tokens, accepts only the current one, counts what it serves. */
    private final class Imds extends Dispatcher {
        final List<String> requests = new CopyOnWriteArrayList<>();
        volatile int tokenStatus = 200;
        volatile int tokensIssued;
        volatile boolean requireToken = true;
        volatile String role = "app-role";
        volatile int credentialsServed;
        volatile String code = "Success";

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String token = request.getHeaders().get("x-aws-ec2-metadata-token");
            requests.add(request.getMethod() + " " + request.getTarget() + (token == null ? "" : " token=" + token));
            if (request.getTarget().equals("/latest/api/token")) {
                if (!"PUT".equals(request.getMethod())) {
                    return status(405);
                }
                if (tokenStatus != 200) {
                    return status(tokenStatus);
                }
                tokensIssued++;
                return new MockResponse.Builder().code(200)
                        .addHeader("x-aws-ec2-metadata-token-ttl-seconds",
                                request.getHeaders().get("x-aws-ec2-metadata-token-ttl-seconds"))
                        .body("token-" + tokensIssued).build();
            }
            if (requireToken && !("token-" + tokensIssued).equals(token)) {
                return status(401);
            }
            if (request.getTarget().equals(ROLE_PATH)) {
                return role == null ? status(404) : new MockResponse.Builder().code(200).body(role).build();
            }
            if (request.getTarget().equals(ROLE_PATH + role)) {
                credentialsServed++;
                Instant expiration = clock.instant().plus(Duration.ofHours(6));
                return new MockResponse.Builder().code(200).body("""
                        {"Code":"%s","LastUpdated":"%s","Type":"AWS-HMAC","AccessKeyId":"AKID%d",
                         "SecretAccessKey":"SECRETVALUE","Token":"TOKENVALUE","Expiration":"%s"}"""
                        .formatted(code, clock.instant(), credentialsServed, expiration)).build();
            }
            return status(404);
        }

        private MockResponse status(int code) {
            return new MockResponse.Builder().code(code).build();
        }
    }

    @BeforeEach
    void useTheFakeService() {
        server.setDispatcher(imds);
    }

    private InstanceProfileCredentialsProvider provider(TestEnvironment environment) {
        return InstanceProfileCredentialsProvider.create(environment.variable("AWS_EC2_METADATA_SERVICE_ENDPOINT",
                server.url("/").toString()).build(), clock);
    }

    private InstanceProfileCredentialsProvider provider() {
        return provider(TestEnvironment.home(Path.of("/nonexistent")));
    }

    @Test
    void fetchesTheRoleCredentialsWithASessionToken() throws Exception {
        AwsCredentials credentials = provider().resolveCredentials();

        assertThat(credentials.accessKeyId()).isEqualTo("AKID1");
        assertThat(credentials.sessionToken()).contains("TOKENVALUE");
        assertThat(credentials.expiration()).contains(T0.plus(Duration.ofHours(6)));
        assertThat(imds.requests).containsExactly(
                "PUT /latest/api/token",
                "GET " + ROLE_PATH + " token=token-1",
                "GET " + ROLE_PATH + "app-role token=token-1");
        RecordedRequest tokenRequest = server.takeRequest();
        assertThat(tokenRequest.getHeaders().get("x-aws-ec2-metadata-token-ttl-seconds")).isEqualTo("21600");
    }

    @Test
    void credentialsAreRefreshedAheadOfExpiryReusingTheToken() {
        InstanceProfileCredentialsProvider provider = provider();
        provider.resolveCredentials();

        clock.set(T0.plus(Duration.ofHours(5)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        clock.set(T0.plus(Duration.ofHours(6)).minus(Duration.ofMinutes(5)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID2");

        assertThat(imds.tokensIssued).isEqualTo(1);
        assertThat(imds.requests).filteredOn(r -> r.contains("app-role")).allMatch(r -> r.endsWith("token=token-1"));
    }

    @Test
    void anExpiredTokenIsReplacedBeforeItsTtlRunsOut() {
        InstanceProfileCredentialsProvider provider = provider();
        provider.resolveCredentials();

        // Credentials fetched at 5h55 expire at 11h55; the token issued at 0h must not be used past 6h.
        clock.set(T0.plus(Duration.ofHours(6)).minus(Duration.ofMinutes(5)));
        provider.resolveCredentials();
        clock.set(T0.plus(Duration.ofHours(12)).minus(Duration.ofMinutes(10)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID3");

        assertThat(imds.tokensIssued).isEqualTo(2);
        assertThat(imds.requests).last().asString().endsWith("token=token-2");
    }

    @Test
    void aRejectedTokenIsRenewedAndTheReadMadeAgain() {
        InstanceProfileCredentialsProvider provider = provider();
        provider.resolveCredentials();
        imds.tokensIssued++; // the service restarted: token-1 is no longer valid

        clock.set(T0.plus(Duration.ofHours(6)).minus(Duration.ofMinutes(2)));
        assertThat(provider.resolveCredentials().accessKeyId()).isEqualTo("AKID2");

        assertThat(imds.requests).containsSubsequence(
                "GET " + ROLE_PATH + " token=token-1",
                "PUT /latest/api/token",
                "GET " + ROLE_PATH + " token=token-3");
    }

    @Test
    void withoutTheTokenEndpointItFallsBackToImdsV1() {
        imds.tokenStatus = 403;
        imds.requireToken = false;

        assertThat(provider().resolveCredentials().accessKeyId()).isEqualTo("AKID1");
        assertThat(imds.requests).containsExactly("PUT /latest/api/token", "GET " + ROLE_PATH,
                "GET " + ROLE_PATH + "app-role");
    }

    @Test
    void noFallbackWhenImdsV1IsDisabled() {
        imds.tokenStatus = 404;

        assertThatThrownBy(() -> provider(TestEnvironment.home(Path.of("/nonexistent"))
                .variable("AWS_EC2_METADATA_V1_DISABLED", "true")).resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("HTTP 404 to the session token request")
                .hasMessageContaining("IMDSv1 is disabled");
    }

    @Test
    void disabledProviderMakesNoRequest() {
        assertThatThrownBy(() -> provider(TestEnvironment.home(Path.of("/nonexistent"))
                .variable("AWS_EC2_METADATA_DISABLED", "true")).resolveCredentials())
                .hasMessage("The EC2 instance metadata service is disabled by AWS_EC2_METADATA_DISABLED");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void noInstanceProfileIsReported() {
        imds.role = null;

        assertThatThrownBy(() -> provider().resolveCredentials())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("HTTP 404 to GET " + ROLE_PATH);
    }

    @Test
    void unsuccessfulCodeIsReportedWithoutTheDocument() {
        imds.code = "AssumeRoleUnauthorizedAccess";

        assertThatThrownBy(() -> provider().resolveCredentials())
                .hasMessageContaining("Code is AssumeRoleUnauthorizedAccess")
                .hasMessageNotContaining("SECRETVALUE");
    }

    @Test
    void invalidEndpointModeIsAClearError() {
        assertThatThrownBy(() -> InstanceProfileCredentialsProvider.create(TestEnvironment.home(Path.of("/nonexistent"))
                .variable("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE", "IPv5").build(), clock).resolveCredentials())
                .hasMessage("AWS_EC2_METADATA_SERVICE_ENDPOINT_MODE must be IPv4 or IPv6: IPv5");
    }
}
