package dev.ddbstreams.flink.reader;

import dev.ddbstreams.streams.reader.consume.Backoff;
import dev.ddbstreams.streams.reader.consume.StreamThrottle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link StreamThrottle} per stream in this JVM, shared by every reader of the stream that runs here (the
 * parallel readers of a task manager), as {@code StreamReader} shares one among its shards: when the service
 * throttles one shard's call, every shard of the stream read here pauses, instead of each finding out with a refused
 * call of its own. Readers in other task managers keep their own.
 */
final class StreamThrottles {

    private static final Map<String, StreamThrottle> BY_STREAM = new ConcurrentHashMap<>();

    private StreamThrottles() {}

    /** The stream's throttle; the first reader of the stream chooses its backoff. */
    static StreamThrottle of(String streamArn, Backoff backoff) {
        return BY_STREAM.computeIfAbsent(streamArn, arn -> new StreamThrottle(backoff));
    }
}
