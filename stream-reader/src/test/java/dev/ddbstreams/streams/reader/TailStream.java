package dev.ddbstreams.streams.reader;

import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.reader.checkpoint.FileCheckpointer;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The worked example of docs/stream-reader.md: tails a stream and prints each change as one line of JSON. Kept
 * here, compiled and run by {@link TailStreamTest}, so the documented code keeps working.
 */
public final class TailStream {

    private TailStream() {}

    /** {@code java TailStream <stream-arn>}: prints changes until stopped with Ctrl-C. */
    public static void main(String[] args) throws InterruptedException {
        String streamArn = args[0];
        String region = streamArn.split(":")[3];
        try (DynamoDbStreamsClient client = DynamoDbStreamsClient.builder().region(region).build();
                StreamReader reader = tail(client, streamArn, Path.of("tail.checkpoints"), System.out)) {
            // Ctrl-C: finish the batch in hand and record its checkpoint before the JVM exits.
            Runtime.getRuntime().addShutdownHook(new Thread(reader::close));
            reader.start();
            reader.awaitTermination();
        }
    }

    /** A reader printing every change made from now on, resuming where the last run stopped. */
    static StreamReader tail(DynamoDbStreamsClient client, String streamArn, Path checkpointFile, PrintStream out) {
        return StreamReader.builder()
                .client(client)
                .streamArn(streamArn)
                .startingPosition(StartingPosition.LATEST)
                .checkpointer(FileCheckpointer.open(checkpointFile))
                .handler(batch -> batch.records().forEach(record -> out.println(ChangeJson.toJson(record))))
                .onGap(gap -> System.err.println("Records lost to trimming: " + gap))
                .onError(error -> System.err.println("Reading stopped: " + error))
                .build();
    }
}
