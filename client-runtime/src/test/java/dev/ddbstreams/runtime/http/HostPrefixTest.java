package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.http.RoutedCalls.LabelRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code endpoint.hostPrefix}: the prefix goes before the endpoint's host, labels filled from the request, the
 * signature covers the prefixed host, invalid labels fail before anything is sent, and the setting turns it off.
 * (Smithy's protocol tests {@code AwsJson10EndpointTrait} and {@code AwsJson10EndpointTraitWithHostLabel}: prefix
 * {@code foo.} and {@code foo.{label}.} before {@code example.com}.)
 */
class HostPrefixTest {

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private AwsJsonProtocolInvoker invoker(ClientSettings.Builder settings) {
        invoker = new AwsJsonProtocolInvoker(settings.httpClient(RoutedCalls.toServer(server)).build(), TestService.METADATA,
                TestService.ERROR_MAPPER);
        return invoker;
    }

    private RecordedRequest call(ClientSettings.Builder settings, OperationDescriptor<LabelRequest, ?> operation,
                                 String label) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        invoker(settings).invoke(operation, new LabelRequest(label));
        return server.takeRequest();
    }

    @Test
    void aPrefixWithoutLabelsGoesBeforeTheEndpointOverridesHost() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")),
                RoutedCalls.prefixed("foo."), "ignored");

        assertThat(request.getHeaders().get("Host")).isEqualTo("foo.example.com");
    }

    @Test
    void labelsAreFilledFromTheRequestAndTheSignatureCoversThePrefixedHost() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")),
                RoutedCalls.prefixed("foo.{Label}."), "bar");

        assertThat(request.getHeaders().get("Host")).isEqualTo("foo.bar.example.com");
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-type", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-target"}) {
            signed.put(name, request.getHeaders().get(name));
        }
        assertThat(request.getHeaders().get("Authorization")).contains("SignedHeaders=content-type;host;")
                .isEqualTo(IndependentSigV4.authorization("POST", "/", signed, request.getBody().toByteArray(),
                        RoutedCalls.ACCESS_KEY_ID, RoutedCalls.SECRET_KEY, "us-east-1", "dynamodb", "20150830T123600Z"));
    }

    @Test
    void theRegionalEndpointIsPrefixedToo() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings(), RoutedCalls.prefixed("data-{Label}."), "my-namespace");

        assertThat(request.getHeaders().get("Host")).isEqualTo("data-my-namespace.streams.dynamodb.us-east-1.amazonaws.com");
    }

    @Test
    void disablingHostPrefixInjectionSendsToTheEndpointAsItIs() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com"))
                .disableHostPrefixInjection(true), RoutedCalls.prefixed("foo.{Label}."), "bar");

        assertThat(request.getHeaders().get("Host")).isEqualTo("example.com");
    }

    @Test
    void anOperationWithoutAPrefixIsNotPrefixed() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")),
                RoutedCalls.PLAIN, "bar");

        assertThat(request.getHeaders().get("Host")).isEqualTo("example.com");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "a.b", "-leading", "trailing-", "under_score", "sp ace", "x:1",
        "a234567890123456789012345678901234567890123456789012345678901234"})
    void anInvalidLabelFailsBeforeAnythingIsSentNamingOperationAndMember(String label) {
        invoker(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")));

        assertThatThrownBy(() -> invoker.invoke(RoutedCalls.prefixed("foo.{Label}."), new LabelRequest(label)))
                .isInstanceOf(SdkClientException.class)
                .hasMessageStartingWith("GetThing: the request's Label ")
                .hasMessageContaining("foo.{Label}.");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void anUnsetLabelFailsClearly() {
        invoker(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")));

        assertThatThrownBy(() -> invoker.invoke(RoutedCalls.prefixed("foo.{Label}."), new LabelRequest(null)))
                .isInstanceOf(SdkClientException.class)
                .hasMessage("GetThing: the request's Label is not set, but it is required: it becomes part of the host name "
                        + "(foo.{Label}.)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aLabelOf63CharactersIsAccepted() throws Exception {
        String label = "a".repeat(62) + "9";

        RecordedRequest request = call(RoutedCalls.settings().endpointOverride(java.net.URI.create("https://example.com")),
                RoutedCalls.prefixed("{Label}."), label);

        assertThat(request.getHeaders().get("Host")).isEqualTo(label + ".example.com");
    }

    @Test
    void templatesAndLabelFunctionsMustMatch() {
        assertThatThrownBy(() -> HostPrefix.<LabelRequest>of("foo.{Other}.", Map.of("Label", LabelRequest::label)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("{Other}");
        assertThatThrownBy(() -> HostPrefix.<LabelRequest>of("foo.", Map.of("Label", LabelRequest::label)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("[Label]");
        assertThatThrownBy(() -> HostPrefix.<LabelRequest>of("a/b.", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a/b.");
    }
}
