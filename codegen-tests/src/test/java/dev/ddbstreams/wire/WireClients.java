package dev.ddbstreams.wire;

import dev.ddbstreams.runtime.auth.StaticCredentialsProvider;
import dev.ddbstreams.runtime.retry.RetryPolicy;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URI;
import java.util.Locale;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

/** The two clients under comparison, pointed at a local server, and a way to call either by operation name. */
final class WireClients {

    private WireClients() {}

    /** Our client, without retries: each test looks at what one response does, and reads it exactly once. */
    static DynamoDbStreamsClient ours(URI endpoint) {
        return DynamoDbStreamsClient.builder()
                .region("us-east-1")
                .endpointOverride(endpoint)
                .credentialsProvider(StaticCredentialsProvider.create("AKIDEXAMPLE", "secret"))
                .retryPolicy(RetryPolicy.none())
                .build();
    }

    /** The AWS SDK for Java v2's client, without retries so every response served is read exactly once. */
    static software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient sdkV2(URI endpoint) {
        return software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient.builder()
                .region(Region.US_EAST_1)
                .endpointOverride(endpoint)
                .credentialsProvider(software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    private static Class<?> publicInterface(Object client) {
        for (Class<?> type : client.getClass().getInterfaces()) {
            if (type.getSimpleName().equals("DynamoDbStreamsClient")) {
                return type;
            }
        }
        throw new IllegalArgumentException(client.getClass().getName() + " is not a DynamoDbStreamsClient");
    }

    /** Calls the client's method for {@code operation} (such as {@code getRecords} for GetRecords) with a request. */
    static Object call(Object client, String operation, Object request) {
        String methodName = operation.substring(0, 1).toLowerCase(Locale.ROOT) + operation.substring(1);
        try {
            // Through the public interface: the implementations are package-private.
            Method method = publicInterface(client).getMethod(methodName, request.getClass());
            return method.invoke(client, request);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalStateException(client.getClass().getName() + " has no " + methodName + "("
                    + request.getClass().getSimpleName() + ")", e);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
