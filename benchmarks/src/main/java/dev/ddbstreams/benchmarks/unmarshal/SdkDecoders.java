package dev.ddbstreams.benchmarks.unmarshal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.URI;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.http.HttpResponseHandler;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.SdkHttpFullResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.protocols.json.AwsJsonProtocolFactory;
import software.amazon.awssdk.protocols.json.JsonOperationMetadata;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.model.DescribeStreamResponse;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.ListStreamsResponse;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The SDK's own unmarshalling of a successful response: the response handler its DynamoDbStreamsClient creates
 * for each call, from the protocol factory of a real client. Taking the factory from a client (by reflection: the
 * field is private) rather than building one ensures the same options, such as which JSON unmarshaller is enabled.
 */
final class SdkDecoders {

    private static final JsonOperationMetadata OPERATION = JsonOperationMetadata.builder()
            .hasStreamingSuccessResponse(false)
            .isPayloadJson(true)
            .build();

    private static final AwsJsonProtocolFactory PROTOCOL_FACTORY = protocolFactoryOfARealClient();

    private SdkDecoders() {}

    static Decoder forOperation(String operation) {
        return switch (operation) {
            case "GetRecords" -> new HandlerDecoder<>(GetRecordsResponse::builder,
                    decoded -> ((GetRecordsResponse) decoded).records().size());
            case "DescribeStream" -> new HandlerDecoder<>(DescribeStreamResponse::builder,
                    decoded -> ((DescribeStreamResponse) decoded).streamDescription().shards().size());
            case "ListStreams" -> new HandlerDecoder<>(ListStreamsResponse::builder,
                    decoded -> ((ListStreamsResponse) decoded).streams().size());
            default -> throw new IllegalArgumentException("No decoder for " + operation);
        };
    }

    private static final class HandlerDecoder<T extends SdkPojo> implements Decoder {

        private final HttpResponseHandler<T> handler;
        private final java.util.function.ToIntFunction<Object> counter;

        HandlerDecoder(Supplier<SdkPojo> builder, java.util.function.ToIntFunction<Object> counter) {
            this.handler = PROTOCOL_FACTORY.createResponseHandler(OPERATION, builder);
            this.counter = counter;
        }

        @Override
        public Object decode(byte[] body) throws IOException {
            // What the SDK's HTTP layer hands its response handler.
            SdkHttpFullResponse response = SdkHttpFullResponse.builder()
                    .statusCode(200)
                    .putHeader("Content-Type", "application/x-amz-json-1.0")
                    .putHeader("x-amzn-RequestId", "BENCHMARK")
                    .content(AbortableInputStream.create(new ByteArrayInputStream(body)))
                    .build();
            try {
                return handler.handle(response, new ExecutionAttributes());
            } catch (Exception e) {
                throw new IOException("The SDK could not unmarshal the response", e);
            }
        }

        @Override
        public int items(Object decoded) {
            return counter.applyAsInt(decoded);
        }
    }

    private static AwsJsonProtocolFactory protocolFactoryOfARealClient() {
        try (UrlConnectionHttpClient httpClient = (UrlConnectionHttpClient) UrlConnectionHttpClient.create();
             DynamoDbStreamsClient client = DynamoDbStreamsClient.builder()
                     .region(Region.US_EAST_1)
                     .endpointOverride(URI.create("http://127.0.0.1:9"))
                     .credentialsProvider(AnonymousCredentialsProvider.create())
                     .httpClient(httpClient)
                     .build()) {
            Field field = client.getClass().getDeclaredField("protocolFactory");
            field.setAccessible(true);
            return (AwsJsonProtocolFactory) field.get(client);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("This SDK version's DynamoDbStreamsClient has no protocolFactory field; "
                    + "update SdkDecoders for it", e);
        }
    }
}
