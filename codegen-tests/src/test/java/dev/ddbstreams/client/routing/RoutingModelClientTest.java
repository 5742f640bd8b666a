package dev.ddbstreams.client.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.example.routing.RoutesAsyncClient;
import com.example.routing.RoutesClient;
import com.example.routing.RoutesPresigner;
import com.example.routing.model.GetIdResponse;
import com.example.routing.model.WriteRecordsResponse;
import dev.ddbstreams.runtime.auth.AwsCredentialsProvider;
import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.http.ResponseMetadata;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client generated from the golden "routing" model, against a mock service: each operation trait that changes
 * where and how a request is sent, end to end through the typed API. The test's HTTP client sends every request to the
 * mock server whatever its host, keeping the Host header the client signed, so that prefixed, regional and discovered
 * hosts can all be seen.
 */
class RoutingModelClientTest {

    private static final String REGIONAL = "routes.us-east-1.amazonaws.com";

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final AwsCredentialsProvider credentials = StaticCredentialsProvider.create("AKID", "SECRET");

    @BeforeEach
    void answer() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = String.valueOf(request.getHeaders().get("X-Amz-Target"));
                String body = switch (target.substring(target.indexOf('.') + 1)) {
                    case "DescribeEndpoints" -> "{\"Endpoints\":[{\"Address\":\"cell-3.routes.example.com\",\"CachePeriodInMinutes\":60}]}";
                    case "GetId" -> "{\"IdentityId\":\"us-east-1:1234\"}";
                    case "WriteRecords" -> "{\"Written\":2}";
                    default -> "{}";
                };
                return new MockResponse.Builder().code(200).addHeader("x-amzn-RequestId", "req-" + target.hashCode()).body(body).build();
            }
        });
    }

    private OkHttpClient toServer() {
        return new OkHttpClient.Builder().addInterceptor(chain -> {
            okhttp3.Request request = chain.request();
            HttpUrl url = request.url().newBuilder().scheme("http").host(server.getHostName()).port(server.getPort()).build();
            okhttp3.Request.Builder rewritten = request.newBuilder().url(url);
            if (request.header("Host") == null) {
                rewritten.header("Host", request.url().host());
            }
            return chain.proceed(rewritten.build());
        }).build();
    }

    private RoutesClient client() {
        return RoutesClient.builder().region("us-east-1").credentialsProvider(credentials).httpClient(toServer())
                .retryPolicy(RetryPolicy.none()).build();
    }

    private RecordedRequest next() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).isNotNull();
        return request;
    }

    @Test
    void aHostLabelIsTakenFromTheRequest() throws Exception {
        try (RoutesClient client = client()) {
            client.discoverInstances(r -> r.namespaceName("orders").serviceName("billing"));
            client.ping();
        }

        assertThat(next().getHeaders().get("Host")).isEqualTo("data-orders." + REGIONAL);
        assertThat(next().getHeaders().get("Host")).isEqualTo("ping." + REGIONAL);
    }

    @Test
    void anInvalidHostLabelFailsBeforeSendingNamingOperationAndMember() {
        try (RoutesClient client = client()) {
            assertThatThrownBy(() -> client.discoverInstances(r -> r.namespaceName("a.b")))
                    .isInstanceOf(SdkClientException.class)
                    .hasMessageStartingWith("DiscoverInstances: the request's NamespaceName \"a.b\" cannot be part of the host name");
        }
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void hostPrefixInjectionCanBeTurnedOff() throws Exception {
        try (RoutesClient client = RoutesClient.builder().region("us-east-1").credentialsProvider(credentials).httpClient(toServer())
                .disableHostPrefixInjection(true).build()) {
            client.discoverInstances(r -> r.namespaceName("orders"));
        }

        assertThat(next().getHeaders().get("Host")).isEqualTo(REGIONAL);
    }

    @Test
    void unsignedOperationsNeedNoCredentials() throws Exception {
        AwsCredentialsProvider none = () -> {
            throw new SdkClientException("Unable to load AWS credentials from any provider in the chain");
        };
        try (RoutesClient client = RoutesClient.builder().region("us-east-1").credentialsProvider(none).httpClient(toServer()).build()) {
            GetIdResponse id = client.getId(r -> r.poolId("pool"));
            client.getToken(r -> r.poolId("pool"));

            assertThat(id.identityId()).isEqualTo("us-east-1:1234");
            assertThatThrownBy(() -> client.discoverInstances(r -> r.namespaceName("orders")))
                    .isInstanceOf(SdkClientException.class).hasMessageContaining("Unable to load AWS credentials");
        }
        assertThat(next().getHeaders().get("Authorization")).isNull();
        assertThat(next().getHeaders().get("Authorization")).isNull();
        assertThat(Arrays.stream(RoutesPresigner.class.getMethods()).map(java.lang.reflect.Method::getName))
                .as("nothing to presign for unsigned operations").doesNotContain("presignGetId", "presignGetToken")
                .contains("presignDiscoverInstances");
    }

    @Test
    void largeBodiesOfCompressedOperationsAreSentGzippedAndSigned() throws Exception {
        List<String> data = java.util.Collections.nCopies(2_000, "cpu=0.42");
        try (RoutesClient client = client()) {
            client.putMetrics(r -> r.data(data));
            client.putMetrics(r -> r.data("small"));
        }

        RecordedRequest large = next();
        assertThat(large.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        assertThat(large.getHeaders().get("Authorization")).contains("content-encoding");
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(large.getBody().toByteArray()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).startsWith("{\"Data\":[\"cpu=0.42\"");
        }
        assertThat(next().getHeaders().get("Content-Encoding")).isNull();
    }

    @Test
    void everyRequestOfAQueryCompatibleServiceSaysSo() throws Exception {
        try (RoutesClient client = client()) {
            client.getItem(r -> r.key("k"));
        }

        assertThat(next().getHeaders().get("x-amzn-query-mode")).isEqualTo("true");
    }

    @Test
    void requiredDiscoveryFindsTheEndpointOnceAndBothClientsUseIt() throws Exception {
        try (RoutesClient client = client();
             RoutesAsyncClient async = RoutesAsyncClient.builder().region("us-east-1").credentialsProvider(credentials)
                     .httpClient(toServer()).build()) {
            WriteRecordsResponse written = client.writeRecords(r -> r.tableName("metrics").records("a", "b"));
            client.writeRecords(r -> r.tableName("metrics").records("c"));
            async.writeRecords(r -> r.tableName("metrics").records("d")).get(5, TimeUnit.SECONDS);

            assertThat(written.written()).isEqualTo(2L);
        }

        List<String> seen = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            RecordedRequest request = next();
            String target = request.getHeaders().get("X-Amz-Target");
            seen.add(request.getHeaders().get("Host") + " " + target.substring(target.indexOf('.') + 1));
        }
        assertThat(seen).containsExactly(REGIONAL + " DescribeEndpoints", "cell-3.routes.example.com WriteRecords",
                "cell-3.routes.example.com WriteRecords", REGIONAL + " DescribeEndpoints", "cell-3.routes.example.com WriteRecords");
    }

    @Test
    void optionalDiscoveryIsOffUnlessEnabled() throws Exception {
        try (RoutesClient client = client()) {
            client.getItem(r -> r.key("k"));
        }
        assertThat(next().getHeaders().get("Host")).isEqualTo(REGIONAL);

        try (RoutesClient client = RoutesClient.builder().region("us-east-1").credentialsProvider(credentials).httpClient(toServer())
                .endpointDiscoveryEnabled(true).build()) {
            client.getItem(r -> r.key("k"));
        }
        List<String> targets = List.of(next().getHeaders().get("X-Amz-Target"), next().getHeaders().get("X-Amz-Target"));
        assertThat(targets).containsExactlyInAnyOrder("Routes_20240601.GetItem", "Routes_20240601.DescribeEndpoints");
    }

    @Test
    void anEndpointOverrideTurnsDiscoveryOff() throws Exception {
        try (RoutesClient client = RoutesClient.builder().endpointOverride(URI.create("http://localhost:" + server.getPort() + "/base/"))
                .credentialsProvider(credentials).build()) {
            client.writeRecords(r -> r.tableName("metrics"));
        }

        RecordedRequest request = next();
        assertThat(request.getHeaders().get("X-Amz-Target")).isEqualTo("Routes_20240601.WriteRecords");
        assertThat(request.getTarget()).isEqualTo("/base/");
    }

    @Test
    void responsesCarryTheirMetadataOutsideTheirValue() throws Exception {
        GetIdResponse id;
        try (RoutesClient client = client()) {
            id = client.getId(r -> r.poolId("pool"));
        }

        ResponseMetadata metadata = id.responseMetadata();
        assertThat(metadata.requestId()).isEqualTo("req-" + "Routes_20240601.GetId".hashCode());
        assertThat(metadata.statusCode()).isEqualTo(200);
        assertThat(id.sdkHttpResponse().statusCode()).isEqualTo(200);
        assertThat(id.sdkHttpResponse().firstHeader("x-amzn-requestid")).contains(metadata.requestId());
        GetIdResponse built = GetIdResponse.builder().identityId("us-east-1:1234").build();
        assertThat(id).isEqualTo(built).hasSameHashCodeAs(built).hasToString(built.toString());
        assertThat(built.responseMetadata().requestId()).isNull();
        assertThat(id.toBuilder().build().responseMetadata().requestId()).isEqualTo(metadata.requestId());
        assertThat(id.toString()).doesNotContain("req-");
    }
}
