package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Function;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/** What the routing tests share: requests with a label member, and ways to reach a mock server from any host. */
final class RoutedCalls {

    static final String ACCESS_KEY_ID = "AKIDEXAMPLE";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    static final Instant NOW = Instant.parse("2015-08-30T12:36:00Z");

    /** A request with one string member, used as a host label or an endpoint identifier. */
    record LabelRequest(String label) {}

    static final OperationDescriptor<LabelRequest, Map<String, String>> PLAIN = labelled(LabelRequest::label);

    /** {@code GetThing} for any request type with a label: sent as {"Label": ...}, left out when null. */
    static <Q> OperationDescriptor<Q, Map<String, String>> labelled(Function<Q, String> label) {
        return OperationDescriptor.of("GetThing", (generator, request) -> {
            generator.writeStartObject();
            String value = label.apply(request);
            if (value != null) {
                generator.writeStringField("Label", value);
            }
            generator.writeEndObject();
        }, TestJson.STRING_MEMBERS);
    }

    private RoutedCalls() {}

    static ClientSettings.Builder settings() {
        return ClientSettings.builder()
                .region("us-east-1")
                .credentialsProvider(StaticCredentialsProvider.create(ACCESS_KEY_ID, SECRET_KEY))
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .systemEnvironment(TestEnvironment.empty());
    }

    /**
     * An HTTP client that sends every request, whatever its host (a regional https endpoint, a prefixed or a
     * discovered host), to {@code server} over plain HTTP, keeping the Host header the client set and signed: a
     * stand-in for DNS in tests.
     */
    static OkHttpClient toServer(MockWebServer server) {
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

    /** {@code PLAIN} with a host prefix whose one label is the request's {@code Label}. */
    static OperationDescriptor<LabelRequest, Map<String, String>> prefixed(String template) {
        Map<String, Function<? super LabelRequest, String>> labels = template.contains("{Label}")
                ? Map.of("Label", LabelRequest::label) : Map.of();
        return PLAIN.withHostPrefix(HostPrefix.of(template, labels));
    }
}
