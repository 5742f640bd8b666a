package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.runtime.auth.AwsCredentials;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.Headers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** What goes on the wire: the exact request, and a signature that verifies independently. */
class InvokerRequestTest {

    private static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final String SESSION_TOKEN = "FwoGZXIvYXdzEXAMPLETOKEN";
    private static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");
    private static final String STREAM_ARN =
            "arn:aws:dynamodb:us-east-1:123456789012:table/Music/stream/2015-05-11T21:21:33.291";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void closeInvoker() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker(ClientSettings.Builder settings) {
        invoker = new AwsJsonProtocolInvoker(settings.build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    private ClientSettings.Builder settings() {
        return ClientSettings.builder()
                .region("us-east-1")
                .endpointOverride(server.url("/").uri())
                .credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY, SESSION_TOKEN))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .systemEnvironment(TestEnvironment.empty())
                .userAgentSuffix("my-app/1.2");
    }

    @Test
    void sendsTheAwsJsonRequest() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{\"StreamArn\":\"x\"}").build());

        invoker(settings())
                .invoke("DescribeStream", TestJson.streamArnAndLimit(STREAM_ARN, 5), TestJson.STRING_MEMBERS);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getMethod()).isEqualTo("POST");
        assertThat(request.getTarget()).isEqualTo("/");
        assertThat(request.getHeaders().get("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(request.getHeaders().get("X-Amz-Target")).isEqualTo("DynamoDBStreams_20120810.DescribeStream");
        assertThat(request.getBody().utf8())
                .isEqualTo("{\"StreamArn\":\"" + STREAM_ARN + "\",\"Limit\":5}");
        assertThat(request.getHeaders().get("Content-Length"))
                .isEqualTo(String.valueOf(request.getBody().size()));
        assertThat(request.getHeaders().get("User-Agent"))
                .matches("ddbstreams-java/\\S+ Java/\\S+ my-app/1\\.2");
        assertThat(request.getHeaders().get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(request.getHeaders().get("X-Amz-Security-Token")).isEqualTo(SESSION_TOKEN);
        assertThat(request.getHeaders().get("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
        // Asking for gzip would let OkHttp decompress behind the CRC32 check's back.
        assertThat(request.getHeaders().get("Accept-Encoding")).isEqualTo("identity");
    }

    @Test
    void signatureVerifiesAgainstAnIndependentSigV4Computation() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(settings()).invoke("GetRecords", TestJson.streamArnAndLimit(STREAM_ARN, 100), TestJson.STRING_MEMBERS);

        RecordedRequest request = server.takeRequest();
        Headers received = request.getHeaders();
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-security-token", "x-amz-target"}) {
            signed.put(name, received.get(name));
        }
        String expected = IndependentSigV4.authorization("POST", "/", signed, request.getBody().toByteArray(),
                ACCESS_KEY_ID, SECRET_KEY, "us-east-1", "dynamodb", "20150830T123600Z");
        assertThat(received.get("Authorization")).isEqualTo(expected);
        assertThat(received.get("X-Amz-Content-Sha256"))
                .isEqualTo(IndependentSigV4.sha256Hex(request.getBody().toByteArray()));
        assertThat(received.get("Host")).isEqualTo(server.getHostName() + ":" + server.getPort());
    }

    @Test
    void signsWithoutSessionTokenForLongTermCredentials() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(settings().credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY)))
                .invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

        RecordedRequest request = server.takeRequest();
        Headers received = request.getHeaders();
        assertThat(received.get("X-Amz-Security-Token")).isNull();
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-target"}) {
            signed.put(name, received.get(name));
        }
        assertThat(received.get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST", "/", signed,
                "{}".getBytes(StandardCharsets.UTF_8), ACCESS_KEY_ID, SECRET_KEY, "us-east-1", "dynamodb",
                "20150830T123600Z"));
    }

    @Test
    void signsEveryCallAfreshWithTheCurrentTimeAndCredentials() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        Deque<AwsCredentials> rotation = new ArrayDeque<>();
        rotation.add(AwsCredentials.create("AKIDFIRST", SECRET_KEY));
        rotation.add(AwsCredentials.create("AKIDSECOND", SECRET_KEY));
        SteppingClock clock = new SteppingClock(NOW);

        AwsJsonProtocolInvoker invoker = invoker(settings().credentialsProvider(rotation::removeFirst).clock(clock));
        invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);
        clock.now = NOW.plusSeconds(61);
        invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

        Headers first = server.takeRequest().getHeaders();
        Headers second = server.takeRequest().getHeaders();
        assertThat(first.get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(second.get("X-Amz-Date")).isEqualTo("20150830T123701Z");
        assertThat(first.get("Authorization")).contains("Credential=AKIDFIRST/");
        assertThat(second.get("Authorization")).contains("Credential=AKIDSECOND/");
    }

    @Test
    void sendsEverySignedHeaderExactlyOnceAndNothingUnsignedButUserAgentAndEncoding() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(settings()).invoke("GetRecords", TestJson.streamArnAndLimit(STREAM_ARN, 100), TestJson.STRING_MEMBERS);

        Headers received = server.takeRequest().getHeaders();
        String authorization = received.get("Authorization");
        assertThat(authorization).contains(
                "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-target,");
        for (String name : new String[] {"Authorization", "Content-Type", "Host", "X-Amz-Content-Sha256",
                "X-Amz-Date", "X-Amz-Security-Token", "X-Amz-Target", "User-Agent", "Accept-Encoding",
                "Content-Length"}) {
            assertThat(received.values(name)).as(name).hasSize(1);
        }
        // The Content-Type sent is the one signed: OkHttp adds none of its own to a body without a media type.
        assertThat(received.get("Content-Type")).isEqualTo("application/x-amz-json-1.0");
        assertThat(received.get("Host")).isEqualTo(server.getHostName() + ":" + server.getPort());
        // What OkHttp adds besides: the body's length and keep-alive, neither of which the signature covers.
        assertThat(received.names().stream().map(name -> name.toLowerCase(Locale.ROOT))).containsExactlyInAnyOrder("authorization", "content-type", "host",
                "x-amz-content-sha256", "x-amz-date", "x-amz-security-token", "x-amz-target", "user-agent",
                "accept-encoding", "content-length", "connection");
    }

    @Test
    void eachOperationOfOneInvokerSendsAndSignsItsOwnTarget() throws Exception {
        AwsJsonProtocolInvoker invoker = invoker(settings());
        for (String operation : new String[] {"ListStreams", "DescribeStream", "ListStreams", "GetRecords"}) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            invoker.invoke(operation, TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().values("X-Amz-Target"))
                    .containsExactly("DynamoDBStreams_20120810." + operation);
            assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST",
                    "/", signedHeaders(request.getHeaders()), request.getBody().toByteArray(), ACCESS_KEY_ID,
                    SECRET_KEY, "us-east-1", "dynamodb", "20150830T123600Z"));
        }
    }

    @Test
    void newCredentialsAreSignedWithEvenWhenOnlyTheSecretChanged() throws Exception {
        AwsCredentials first = AwsCredentials.create(ACCESS_KEY_ID, SECRET_KEY);
        AwsCredentials rotated = AwsCredentials.create(ACCESS_KEY_ID, "rotatedSecretKeyEXAMPLE");
        Deque<AwsCredentials> resolved = new ArrayDeque<>(List.of(first, first, rotated, first));
        AwsJsonProtocolInvoker invoker = invoker(settings().credentialsProvider(resolved::removeFirst));

        for (AwsCredentials expected : new AwsCredentials[] {first, first, rotated, first}) {
            server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
            invoker.invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

            RecordedRequest request = server.takeRequest();
            assertThat(request.getHeaders().get("X-Amz-Security-Token")).isNull();
            Map<String, String> signed = signedHeaders(request.getHeaders());
            signed.remove("x-amz-security-token");
            assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST",
                    "/", signed, request.getBody().toByteArray(), ACCESS_KEY_ID, expected.secretAccessKey(),
                    "us-east-1", "dynamodb", "20150830T123600Z"));
        }
    }

    private static Map<String, String> signedHeaders(Headers received) {
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-security-token", "x-amz-target"}) {
            signed.put(name, received.get(name));
        }
        return signed;
    }

    @Test
    void userAgentWithoutSuffixNamesRuntimeAndJava() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(settings().userAgentSuffix(null)).invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

        assertThat(server.takeRequest().getHeaders().get("User-Agent"))
                .isEqualTo("ddbstreams-java/" + UserAgent.runtimeVersion() + " Java/"
                        + System.getProperty("java.version"));
        assertThat(UserAgent.runtimeVersion()).isNotEqualTo("unknown").doesNotContain("${");
    }

    @Test
    void postsToThePathOfAnEndpointOverrideAsGiven() throws Exception {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

        invoker(settings().endpointOverride(server.url("/streams/").uri()))
                .invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

        RecordedRequest request = server.takeRequest();
        assertThat(request.getTarget()).isEqualTo("/streams/");
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date",
                "x-amz-security-token", "x-amz-target"}) {
            signed.put(name, request.getHeaders().get(name));
        }
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST",
                "/streams/", signed, request.getBody().toByteArray(), ACCESS_KEY_ID, SECRET_KEY, "us-east-1",
                "dynamodb", "20150830T123600Z"));
    }

    @Test
    void signatureVerifiesForAnIpv6LiteralEndpoint() throws Exception {
        try (MockWebServer ipv6Server = new MockWebServer()) {
            try {
                ipv6Server.start(InetAddress.getByName("::1"), 0);
            } catch (IOException e) {
                Assumptions.abort("no IPv6 loopback on this machine: " + e);
            }
            ipv6Server.enqueue(new MockResponse.Builder().code(200).body("{}").build());

            invoker(settings().endpointOverride(URI.create("http://[::1]:" + ipv6Server.getPort() + "/")))
                    .invoke("ListStreams", TestJson.EMPTY_OBJECT, TestJson.STRING_MEMBERS);

            RecordedRequest request = ipv6Server.takeRequest();
            assertThat(request.getHeaders().get("Host")).isEqualTo("[::1]:" + ipv6Server.getPort());
            Map<String, String> signed = new LinkedHashMap<>();
            for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date",
                    "x-amz-security-token", "x-amz-target"}) {
                signed.put(name, request.getHeaders().get(name));
            }
            assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST",
                    "/", signed, request.getBody().toByteArray(), ACCESS_KEY_ID, SECRET_KEY, "us-east-1",
                    "dynamodb", "20150830T123600Z"));
        }
    }

    /** A clock whose time the test moves. */
    private static final class SteppingClock extends Clock {
        private volatile Instant now;

        SteppingClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
