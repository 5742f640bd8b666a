package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.endpoint.DiscoveredEndpoint;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.override.OverridableRequest;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Endpoint discovery through the invoker, against a mock service that answers {@code DescribeEndpoints}: every request
 * reaches the mock server whatever its host (see {@link RoutedCalls#toServer}), so the Host header shows where it went.
 */
class EndpointDiscoveryTest {

    private static final String REGIONAL = "streams.dynamodb.us-east-1.amazonaws.com";
    private static final String DISCOVERED = "cell-7.streams.example.com";

    /** DescribeEndpoints without input, its answer read as the generated client reads it. */
    private static final EndpointDiscoveryOperation<Void, List<DiscoveredEndpoint>> DESCRIBE_ENDPOINTS = EndpointDiscoveryOperation.of(
            OperationDescriptor.of("DescribeEndpoints", (generator, request) -> {
                generator.writeStartObject();
                generator.writeEndObject();
            }, parser -> {
                List<DiscoveredEndpoint> endpoints = new ArrayList<>();
                Map<String, String> address = new java.util.HashMap<>();
                com.fasterxml.jackson.core.JsonToken token;
                String field = null;
                while ((token = parser.nextToken()) != null) {
                    if (token == com.fasterxml.jackson.core.JsonToken.FIELD_NAME) {
                        field = parser.currentName();
                    } else if (token.isScalarValue()) {
                        address.put(field, parser.getText());
                    } else if (token == com.fasterxml.jackson.core.JsonToken.END_OBJECT && address.containsKey("Address")) {
                        endpoints.add(DiscoveredEndpoint.of(address.remove("Address"), Long.parseLong(address.remove("CachePeriodInMinutes"))));
                    }
                }
                return endpoints;
            }),
            (operation, identifiers) -> null,
            endpoints -> endpoints);

    private static final OperationDescriptor<RoutedCalls.LabelRequest, Map<String, String>> OPTIONAL =
            RoutedCalls.PLAIN.withEndpointDiscovery(false, DESCRIBE_ENDPOINTS, request -> Map.of());
    private static final OperationDescriptor<RoutedCalls.LabelRequest, Map<String, String>> REQUIRED =
            RoutedCalls.PLAIN.withEndpointDiscovery(true, DESCRIBE_ENDPOINTS, request -> Map.of("Label", request.label()));

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private final List<String> describeAnswers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile CountDownLatch describeGate = new CountDownLatch(0);
    /** How many of the next calls other than DescribeEndpoints are answered that their endpoint is not valid. */
    private final java.util.concurrent.atomic.AtomicInteger invalidEndpointAnswers = new java.util.concurrent.atomic.AtomicInteger();
    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    /** Answers DescribeEndpoints with the next of {@link #describeAnswers} (after the gate opens), everything else with {}. */
    private void serve() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                if (String.valueOf(request.getHeaders().get("X-Amz-Target")).endsWith(".DescribeEndpoints")) {
                    describeGate.await(5, TimeUnit.SECONDS);
                    String answer = describeAnswers.isEmpty() ? "500" : describeAnswers.remove(0);
                    return answer.equals("500") ? new MockResponse.Builder().code(500).body("{\"__type\":\"InternalServerError\"}").build()
                            : new MockResponse.Builder().code(200).body(answer).build();
                }
                if (invalidEndpointAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                    return new MockResponse.Builder().code(421)
                            .body("{\"__type\":\"InvalidEndpointException\",\"message\":\"Operation not allowed here\"}").build();
                }
                return new MockResponse.Builder().code(200).body("{}").build();
            }
        });
    }

    private static String endpoints(String address, int minutes) {
        return "{\"Endpoints\":[{\"Address\":\"" + address + "\",\"CachePeriodInMinutes\":" + minutes + "}]}";
    }

    private AwsJsonProtocolInvoker invoker(ClientSettings.Builder settings) {
        serve();
        invoker = new AwsJsonProtocolInvoker(settings.httpClient(RoutedCalls.toServer(server)).retryPolicy(RetryPolicy.none())
                .build(), TestService.METADATA, TestService.ERROR_MAPPER);
        return invoker;
    }

    private List<String> hostsAndTargets(int count) throws InterruptedException {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            assertThat(request).as("request %s", i + 1).isNotNull();
            String target = request.getHeaders().get("X-Amz-Target");
            seen.add(request.getHeaders().get("Host") + " " + target.substring(target.indexOf('.') + 1));
        }
        return seen;
    }

    @Test
    void requiredDiscoveryAsksOnceThenSendsEveryCallToTheDiscoveredEndpoint() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        invoker(RoutedCalls.settings());

        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));
        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));
        invoker.invokeAsync(REQUIRED, new RoutedCalls.LabelRequest("t1")).get(5, TimeUnit.SECONDS);

        assertThat(hostsAndTargets(4)).containsExactly(
                REGIONAL + " DescribeEndpoints", DISCOVERED + " GetThing", DISCOVERED + " GetThing", DISCOVERED + " GetThing");
    }

    @Test
    void identifiersArePartOfTheKey() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        describeAnswers.add(endpoints("cell-8.streams.example.com", 60));
        invoker(RoutedCalls.settings());

        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("table-a"));
        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("table-b"));

        assertThat(hostsAndTargets(4)).containsExactly(REGIONAL + " DescribeEndpoints", DISCOVERED + " GetThing",
                REGIONAL + " DescribeEndpoints", "cell-8.streams.example.com GetThing");
    }

    @Test
    void concurrentCallersShareOneDiscovery() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        describeGate = new CountDownLatch(1);
        invoker(RoutedCalls.settings());

        List<CompletableFuture<Map<String, String>>> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.add(invoker.invokeAsync(REQUIRED, new RoutedCalls.LabelRequest("t1")));
        }
        CompletableFuture<Void> blocking = CompletableFuture.runAsync(() -> invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1")));
        Thread.sleep(200);
        describeGate.countDown();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(5, TimeUnit.SECONDS);
        blocking.get(5, TimeUnit.SECONDS);

        List<String> seen = hostsAndTargets(7);
        assertThat(seen).filteredOn(line -> line.endsWith("DescribeEndpoints")).hasSize(1);
        assertThat(seen).filteredOn(line -> line.endsWith("GetThing")).allMatch(line -> line.startsWith(DISCOVERED));
    }

    @Test
    void aFailedRequiredDiscoveryFailsTheCallSayingSo() {
        invoker(RoutedCalls.settings());

        assertThatThrownBy(() -> invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1")))
                .isInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("GetThing requires endpoint discovery, and discovering its endpoint with DescribeEndpoints failed: ")
                .hasMessageContaining("InternalServerError");
        assertThatThrownBy(() -> invoker.invokeAsync(REQUIRED, new RoutedCalls.LabelRequest("t1")).join())
                .hasCauseInstanceOf(SdkClientException.class)
                .hasMessageContaining("GetThing requires endpoint discovery");
    }

    @Test
    void optionalDiscoveryIsOffByDefault() throws Exception {
        invoker(RoutedCalls.settings());

        invoker.invoke(OPTIONAL, new RoutedCalls.LabelRequest("t1"));

        assertThat(hostsAndTargets(1)).containsExactly(REGIONAL + " GetThing");
    }

    @Test
    void optionalDiscoveryWhenEnabledStartsWithTheDefaultEndpointAndMovesToTheDiscoveredOne() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        invoker(RoutedCalls.settings().endpointDiscoveryEnabled(true));

        invoker.invoke(OPTIONAL, new RoutedCalls.LabelRequest("t1"));
        List<String> first = hostsAndTargets(2);
        assertThat(first).containsExactlyInAnyOrder(REGIONAL + " GetThing", REGIONAL + " DescribeEndpoints");
        Thread.sleep(100);
        invoker.invoke(OPTIONAL, new RoutedCalls.LabelRequest("t1"));

        assertThat(hostsAndTargets(1)).containsExactly(DISCOVERED + " GetThing");
    }

    @Test
    void theEnvironmentEnablesOptionalDiscovery() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        invoker(RoutedCalls.settings().systemEnvironment(TestEnvironment.home(Path.of("/nonexistent"))
                .variable("AWS_ENABLE_ENDPOINT_DISCOVERY", "true").build()));

        invoker.invoke(OPTIONAL, new RoutedCalls.LabelRequest("t1"));

        assertThat(hostsAndTargets(2)).contains(REGIONAL + " DescribeEndpoints");
    }

    @Test
    void requiredDiscoveryDisabledExplicitlyFailsClearly() {
        invoker(RoutedCalls.settings().endpointDiscoveryEnabled(false));

        assertThatThrownBy(() -> invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1")))
                .isInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("GetThing requires endpoint discovery, but endpoint discovery is disabled");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anEndpointTheServiceCallsInvalidIsForgottenAndTheNextCallDiscoversAnew() throws Exception {
        describeAnswers.add(endpoints(DISCOVERED, 60));
        describeAnswers.add(endpoints("cell-8.streams.example.com", 60));
        invalidEndpointAnswers.set(1);
        invoker(RoutedCalls.settings());

        assertThatThrownBy(() -> invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(421);
                    assertThat(e.errorCode()).isEqualTo("InvalidEndpointException");
                });
        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));
        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));

        assertThat(hostsAndTargets(5)).containsExactly(REGIONAL + " DescribeEndpoints", DISCOVERED + " GetThing",
                REGIONAL + " DescribeEndpoints", "cell-8.streams.example.com GetThing", "cell-8.streams.example.com GetThing");
    }

    /** A labelled request that is signed with other credentials than the client's. */
    record OtherCredentialsRequest(String label) implements OverridableRequest {
        @Override
        public Optional<RequestOverrideConfiguration> overrideConfiguration() {
            return Optional.of(RequestOverrideConfiguration.builder()
                    .credentialsProvider(StaticCredentialsProvider.create("AKIDOTHERCALLER", "otherSecret")).build());
        }
    }

    private static final OperationDescriptor<OtherCredentialsRequest, Map<String, String>> REQUIRED_OTHER_CREDENTIALS =
            RoutedCalls.labelled(OtherCredentialsRequest::label)
                    .withEndpointDiscovery(true, DESCRIBE_ENDPOINTS, request -> Map.of("Label", request.label()));

    @Test
    void theDiscoveryOfACallWithItsOwnCredentialsIsSignedWithThem() throws Exception {
        // The endpoint is kept for the call's access key id: asking with the client's would file one account's
        // endpoint under another's.
        describeAnswers.add(endpoints(DISCOVERED, 60));
        describeAnswers.add(endpoints("cell-8.streams.example.com", 60));
        invoker(RoutedCalls.settings());

        invoker.invoke(REQUIRED_OTHER_CREDENTIALS, new OtherCredentialsRequest("t1"));
        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));

        List<String> signers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            String target = request.getHeaders().get("X-Amz-Target");
            String authorization = request.getHeaders().get("Authorization");
            String keyId = authorization.substring(authorization.indexOf("Credential=") + 11, authorization.indexOf('/'));
            signers.add(target.substring(target.indexOf('.') + 1) + " " + keyId);
        }
        assertThat(signers).containsExactly("DescribeEndpoints AKIDOTHERCALLER", "GetThing AKIDOTHERCALLER",
                "DescribeEndpoints " + RoutedCalls.ACCESS_KEY_ID, "GetThing " + RoutedCalls.ACCESS_KEY_ID);
    }

    @Test
    void anEndpointOverrideTurnsDiscoveryOffEvenWhereItIsRequired() throws Exception {
        invoker(RoutedCalls.settings().endpointOverride(URI.create("https://override.example.com")).endpointDiscoveryEnabled(true));

        invoker.invoke(REQUIRED, new RoutedCalls.LabelRequest("t1"));
        invoker.invoke(OPTIONAL, new RoutedCalls.LabelRequest("t1"));

        assertThat(hostsAndTargets(2)).containsExactly("override.example.com GetThing", "override.example.com GetThing");
    }
}
