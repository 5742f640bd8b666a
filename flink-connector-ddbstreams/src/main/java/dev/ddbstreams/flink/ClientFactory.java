package dev.ddbstreams.flink;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import java.io.Serializable;

/**
 * Builds the client each part of the source uses (the enumerator, and each parallel reader, one client apiece). It
 * travels with the job to the task managers, so it must be serializable and build the client there: capture
 * settings (a region, an endpoint), never a client. The source closes the clients it builds.
 *
 * <pre>{@code
 * ClientFactory factory = () -> DynamoDbStreamsClient.builder().region("eu-west-1").build();
 * }</pre>
 */
@FunctionalInterface
public interface ClientFactory extends Serializable {

    /** A new client. */
    DynamoDbStreamsClient create();
}
