package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.wire.ShapeGenerators.Options;
import java.util.stream.Stream;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For random requests of every operation, our client sends the same content as the AWS SDK for Java v2 does for
 * the same request: the same target and content type, and bodies equal member by member (compared as JSON
 * content, since member order and number spelling are free).
 */
class RequestDifferentialTest {

    // Each example is two HTTP exchanges: a few hundred per operation keep the class within seconds.
    private static final int EXAMPLES = 300;
    private static final int SHRINK_CYCLES = 1_000;

    private final WireModel model = WireModel.get();
    private final SdkV2Conversion conversion = new SdkV2Conversion(model);
    private final ShapeGenerators generators = new ShapeGenerators(model, Options.forSdkComparison());

    private MockWebServer server;
    private DynamoDbStreamsClient ours;
    private software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient sdk;

    @BeforeEach
    void createClients() {
        server = LocalServer.start();
        // An empty object is a valid answer to every operation of the service.
        server.setDispatcher(new ServedResponse());
        ours = WireClients.ours(server.url("/").uri());
        sdk = WireClients.sdkV2(server.url("/").uri());
    }

    @AfterEach
    void closeClients() {
        ours.close();
        sdk.close();
        server.close();
    }

    @TestFactory
    Stream<DynamicTest> everyOperationSendsWhatTheSdkSends() {
        return model.operationNames().stream().map(operation ->
                DynamicTest.dynamicTest(operation, () -> sendsWhatTheSdkSends(operation)));
    }

    private void sendsWhatTheSdkSends(String operation) {
        String input = model.inputOf(operation);
        PropertyRuns.qt(EXAMPLES, SHRINK_CYCLES)
                .forAll(generators.of(input))
                .checkAssert(request -> {
                    WireClients.call(ours, operation, request);
                    RecordedRequest ourRequest = takeRequest();
                    WireClients.call(sdk, operation, conversion.toSdk(input, request));
                    RecordedRequest sdkRequest = takeRequest();

                    assertThat(ourRequest.getHeaders().get("X-Amz-Target")).as("X-Amz-Target of " + operation)
                            .isEqualTo(sdkRequest.getHeaders().get("X-Amz-Target"));
                    assertThat(ourRequest.getHeaders().get("Content-Type")).as("Content-Type of " + operation)
                            .isEqualTo(sdkRequest.getHeaders().get("Content-Type"));
                    assertThat(JsonTree.parse(ourRequest.getBody().toByteArray()))
                            .as("our body %s and the SDK's %s", ourRequest.getBody().utf8(),
                                    sdkRequest.getBody().utf8())
                            .isEqualTo(JsonTree.parse(sdkRequest.getBody().toByteArray()));
                });
    }

    private RecordedRequest takeRequest() {
        try {
            return server.takeRequest();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
