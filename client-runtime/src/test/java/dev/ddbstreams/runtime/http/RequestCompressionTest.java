package dev.ddbstreams.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.override.ClientOverrideConfiguration;
import dev.ddbstreams.runtime.override.CompressionConfiguration;
import dev.ddbstreams.runtime.override.OverridableRequest;
import dev.ddbstreams.runtime.override.RequestOverrideConfiguration;
import dev.ddbstreams.runtime.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code requestcompression}: bodies at or above the threshold are gzip-compressed before signing, with
 * {@code Content-Encoding: gzip}; smaller ones, other operations and a client with compression off send plain JSON.
 */
class RequestCompressionTest {

    private static final OperationDescriptor<RoutedCalls.LabelRequest, Map<String, String>> COMPRESSED =
            RoutedCalls.PLAIN.withRequestCompression();

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private AwsJsonProtocolInvoker invoker;

    @AfterEach
    void close() {
        if (invoker != null) {
            invoker.close();
        }
    }

    private RecordedRequest call(ClientSettings.Builder settings, OperationDescriptor<RoutedCalls.LabelRequest, ?> operation,
                                 int labelLength) throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        invoker = new AwsJsonProtocolInvoker(settings.endpointOverride(server.url("/").uri()).build(), TestService.METADATA,
                TestService.ERROR_MAPPER);
        invoker.invoke(operation, new RoutedCalls.LabelRequest("x".repeat(labelLength)));
        return server.takeRequest();
    }

    private static String gunzip(byte[] body) throws Exception {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {"Label":"xx..."} is 12 bytes more than the label. */
    private static int labelFor(int bodyBytes) {
        return bodyBytes - 12;
    }

    @Test
    void aBodyAtTheDefaultThresholdIsCompressedAndSignedAsSent() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings(), COMPRESSED, labelFor(10_240));

        assertThat(request.getHeaders().get("Content-Encoding")).isEqualTo("gzip");
        byte[] sent = request.getBody().toByteArray();
        assertThat(gunzip(sent)).isEqualTo("{\"Label\":\"" + "x".repeat(labelFor(10_240)) + "\"}");
        assertThat(sent.length).isLessThan(200);
        assertThat(request.getHeaders().get("Content-Length")).isEqualTo(String.valueOf(sent.length));
        Map<String, String> signed = new LinkedHashMap<>();
        for (String name : new String[] {"content-encoding", "content-type", "host", "x-amz-content-sha256", "x-amz-date",
            "x-amz-target"}) {
            signed.put(name, request.getHeaders().get(name));
        }
        assertThat(request.getHeaders().get("X-Amz-Content-Sha256")).isEqualTo(IndependentSigV4.sha256Hex(sent));
        assertThat(request.getHeaders().get("Authorization")).isEqualTo(IndependentSigV4.authorization("POST", "/", signed, sent,
                RoutedCalls.ACCESS_KEY_ID, RoutedCalls.SECRET_KEY, "us-east-1", "dynamodb", "20150830T123600Z"));
    }

    @Test
    void aBodyBelowTheThresholdIsSentAsItIs() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings(), COMPRESSED, labelFor(10_239));

        assertThat(request.getHeaders().get("Content-Encoding")).isNull();
        assertThat(request.getBody().size()).isEqualTo(10_239);
    }

    @Test
    void operationsWithoutTheTraitAreNeverCompressed() throws Exception {
        RecordedRequest request = call(RoutedCalls.settings(), RoutedCalls.PLAIN, 50_000);

        assertThat(request.getHeaders().get("Content-Encoding")).isNull();
    }

    @Test
    void theOverrideConfigurationSetsThresholdAndSwitch() throws Exception {
        RecordedRequest small = call(RoutedCalls.settings()
                .overrideConfiguration(dev.ddbstreams.runtime.override.ClientOverrideConfiguration.builder()
                        .compressionConfiguration(c -> c.minimumCompressionThresholdInBytes(0)).build()), COMPRESSED, 1);
        assertThat(small.getHeaders().get("Content-Encoding")).isEqualTo("gzip");

        RecordedRequest off = call(RoutedCalls.settings()
                .overrideConfiguration(dev.ddbstreams.runtime.override.ClientOverrideConfiguration.builder()
                        .compressionConfiguration(c -> c.requestCompressionEnabled(false)).build()), COMPRESSED, 50_000);
        assertThat(off.getHeaders().get("Content-Encoding")).isNull();
    }

    /** A labelled request with its own compression settings. */
    record OwnCompressionRequest(String label, CompressionConfiguration compression) implements OverridableRequest {
        @Override
        public Optional<RequestOverrideConfiguration> overrideConfiguration() {
            return Optional.of(RequestOverrideConfiguration.builder().compressionConfiguration(compression).build());
        }
    }

    private static final OperationDescriptor<OwnCompressionRequest, Map<String, String>> COMPRESSED_OWN_SETTINGS =
            RoutedCalls.labelled(OwnCompressionRequest::label).withRequestCompression();

    private RecordedRequest callWith(ClientSettings.Builder settings, CompressionConfiguration compression, int bodyBytes)
            throws InterruptedException {
        server.enqueue(new MockResponse.Builder().code(200).body("{}").build());
        invoker = new AwsJsonProtocolInvoker(settings.endpointOverride(server.url("/").uri()).build(), TestService.METADATA,
                TestService.ERROR_MAPPER);
        invoker.invoke(COMPRESSED_OWN_SETTINGS, new OwnCompressionRequest("x".repeat(labelFor(bodyBytes)), compression));
        return server.takeRequest();
    }

    @Test
    void aRequestsOwnCompressionSettingsReplaceTheClientsValueByValue() throws Exception {
        ClientSettings.Builder clientOff = RoutedCalls.settings().overrideConfiguration(ClientOverrideConfiguration.builder()
                .compressionConfiguration(c -> c.requestCompressionEnabled(false).minimumCompressionThresholdInBytes(100)).build());

        RecordedRequest switchedOn = callWith(clientOff, CompressionConfiguration.builder().requestCompressionEnabled(true).build(), 100);
        assertThat(switchedOn.getHeaders().get("Content-Encoding")).as("on for this call, at the client's threshold").isEqualTo("gzip");

        RecordedRequest belowClientThreshold = callWith(clientOff, CompressionConfiguration.builder().requestCompressionEnabled(true)
                .build(), 99);
        assertThat(belowClientThreshold.getHeaders().get("Content-Encoding")).isNull();

        RecordedRequest ownThreshold = callWith(RoutedCalls.settings(), CompressionConfiguration.builder()
                .minimumCompressionThresholdInBytes(50).build(), 50);
        assertThat(ownThreshold.getHeaders().get("Content-Encoding")).as("the client's switch, this call's threshold").isEqualTo("gzip");

        RecordedRequest switchedOff = callWith(RoutedCalls.settings(), CompressionConfiguration.builder()
                .requestCompressionEnabled(false).build(), 50_000);
        assertThat(switchedOff.getHeaders().get("Content-Encoding")).isNull();
    }

    @Test
    void theEnvironmentSetsThresholdAndSwitchAsTheSdksDo() throws Exception {
        RecordedRequest fromVariable = call(RoutedCalls.settings().systemEnvironment(TestEnvironment.home(Path.of("/nonexistent"))
                .variable("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "100").build()), COMPRESSED, labelFor(100));
        assertThat(fromVariable.getHeaders().get("Content-Encoding")).isEqualTo("gzip");

        RecordedRequest disabled = call(RoutedCalls.settings().systemEnvironment(TestEnvironment.home(Path.of("/nonexistent"))
                .property("aws.disableRequestCompression", "true").build()), COMPRESSED, 50_000);
        assertThat(disabled.getHeaders().get("Content-Encoding")).isNull();
    }

    @Test
    void thresholdsOutOfRangeAreRefused() {
        assertThatThrownBy(() -> RoutedCalls.settings().endpointOverride(URI.create("http://localhost:1"))
                .systemEnvironment(TestEnvironment.home(Path.of("/nonexistent"))
                        .variable("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES", "10485761").build()).build())
                .isInstanceOf(SdkClientException.class)
                .hasMessageContaining("AWS_REQUEST_MIN_COMPRESSION_SIZE_BYTES").hasMessageContaining("10485761");
        assertThatThrownBy(() -> dev.ddbstreams.runtime.override.CompressionConfiguration.builder()
                .minimumCompressionThresholdInBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void gzipOutputIsTheSameForTheSameBody() {
        byte[] body = "{\"a\":1}".repeat(100).getBytes(StandardCharsets.UTF_8);

        assertThat(RequestCompression.gzip("Op", body)).isEqualTo(RequestCompression.gzip("Op", body));
    }
}
