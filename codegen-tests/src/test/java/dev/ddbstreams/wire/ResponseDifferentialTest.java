package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.wire.ShapeGenerators.Options;
import java.util.Map;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

/**
 * Our client and the AWS SDK for Java v2 read the same random responses, served over HTTP, to the same content.
 * The bodies are what our writer makes of a random response, with the members of every object shuffled and an
 * {@code x-amz-crc32} both clients check; the SDK's result is converted to our types to be compared.
 */
class ResponseDifferentialTest {

    // Each example is two HTTP exchanges: a few hundred per operation keep the class within seconds.
    private static final int EXAMPLES = 500;
    private static final int SHRINK_CYCLES = 1_000;

    private final WireModel model = WireModel.get();
    private final ShapeAccess access = new ShapeAccess(model);
    private final SdkV2Conversion conversion = new SdkV2Conversion(model);
    private final ServedResponse served = new ServedResponse();

    private MockWebServer server;
    private DynamoDbStreamsClient ours;
    private software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient sdk;

    @BeforeEach
    void createClients() {
        server = LocalServer.start();
        server.setDispatcher(served);
        ours = WireClients.ours(server.url("/").uri());
        sdk = WireClients.sdkV2(server.url("/").uri());
    }

    @AfterEach
    void closeClients() {
        ours.close();
        sdk.close();
        server.close();
    }

    @Test
    void getRecords() {
        bothReadTheSameContent("GetRecords");
    }

    @Test
    void describeStream() {
        bothReadTheSameContent("DescribeStream");
    }

    @Test
    void listStreams() {
        bothReadTheSameContent("ListStreams");
    }

    private void bothReadTheSameContent(String operation) {
        String output = model.outputOf(operation);
        WireCodec codec = WireCodec.of(model, output);
        Gen<Object> responses = new ShapeGenerators(model, Options.forSdkComparison()).of(output);
        Gen<byte[]> bodies = in -> JsonShuffle.shuffle(codec.marshal(responses.generate(in)),
                ScalarGenerators.draw(in, 0, Long.MAX_VALUE));
        Object ourRequest = access.build(model.shape(model.inputOf(operation)), Map.of());
        Object sdkRequest = conversion.toSdk(model.inputOf(operation), ourRequest);

        PropertyRuns.qt(EXAMPLES, SHRINK_CYCLES).forAll(bodies.describedAs(RoundTripPropertiesTest::utf8))
                .checkAssert(body -> {
                    served.json(body);
                    Object ourResult = WireClients.call(ours, operation, ourRequest);
                    Object sdkResult = WireClients.call(sdk, operation, sdkRequest);

                    assertThat(conversion.toOurs(output, sdkResult)).as("what the SDK read (actual) and what we read")
                            .isEqualTo(ourResult);
                    // And both read what was written: agreeing on a wrong answer would not do.
                    assertThat(ourResult).as("what our client read (actual) and what was written")
                            .isEqualTo(RoundTripPropertiesTest.unmarshal(codec, body));
                });
    }
}
