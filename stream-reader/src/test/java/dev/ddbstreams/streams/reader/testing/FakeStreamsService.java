package dev.ddbstreams.streams.reader.testing;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;

/**
 * A simulated DynamoDB Streams service on HTTP, for MockWebServer: it reads the operation from
 * {@code X-Amz-Target} and the request from the JSON body, answers {@code DescribeStream}, {@code GetShardIterator}
 * and {@code GetRecords} from a {@link FakeStream} in the service's JSON (with {@code x-amz-crc32}), and injects the
 * faults a {@link Faults} policy picks: throttling, server errors, dropped connections, expired iterators.
 *
 * <p>Requests are answered one at a time, so the stream and the random source see a simple order of events.
 */
public final class FakeStreamsService extends Dispatcher {

    private static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final String ERROR_NAMESPACE = "com.amazonaws.dynamodb.v20120810#";

    /** A fault the service can answer with instead of doing the operation. */
    public enum Fault {
        NONE,
        /** The modeled throttling error. */
        LIMIT_EXCEEDED,
        /** Throttling under a code the model does not declare. */
        THROTTLING,
        /** 500 InternalServerError. */
        INTERNAL_ERROR,
        /** 503 from a proxy: an HTML body, no error code. */
        UNAVAILABLE,
        /** The connection is cut before the response (OkHttp may retry this one itself). */
        DROP_CONNECTION,
        /** The response starts, and the connection is cut in the middle of its body. */
        CUT_BODY,
        /** A 400 ExpiredIteratorException whose body is cut off in transit (GetRecords only). */
        CUT_ERROR_BODY,
        /** ExpiredIteratorException (GetRecords only). */
        EXPIRED_ITERATOR,
        /** A permanent error: AccessDeniedException. */
        ACCESS_DENIED
    }

    /** Picks the fault for a request; {@code shardId} is that of the iterator or request, null for DescribeStream. */
    @FunctionalInterface
    public interface Faults {
        Fault pick(String operation, String shardId);

        Faults NONE = (operation, shardId) -> Fault.NONE;
    }

    private final FakeStream stream;
    private final Random random;
    private final Faults faults;
    private final Consumer<Random> beforeEachRequest;
    private final Map<Fault, Integer> injected = new EnumMap<>(Fault.class);
    private final List<Call> calls = new ArrayList<>();
    private final Clock clock;
    private int lastRecordCount;
    private volatile long latencyNanos;

    /**
     * One request as the service saw it.
     *
     * @param operation the operation
     * @param shardId the shard it was about, or null
     * @param body the request
     * @param at when it came, on the stream's clock
     * @param fault the fault injected, or NONE
     * @param recordCount for GetRecords answered normally, the number of records returned; otherwise -1
     */
    public record Call(String operation, String shardId, Map<String, Object> body, Instant at, Fault fault, int recordCount) {}

    /**
     * @param random decides page sizes and listing page sizes
     * @param beforeEachRequest runs first on every request, to make time pass in the stream (writes, trims)
     */
    public FakeStreamsService(FakeStream stream, Clock clock, Random random, Faults faults,
            Consumer<Random> beforeEachRequest) {
        this.stream = stream;
        this.clock = clock;
        this.random = random;
        this.faults = faults;
        this.beforeEachRequest = beforeEachRequest;
    }

    public FakeStreamsService(FakeStream stream, Clock clock, Random random, Faults faults) {
        this(stream, clock, random, faults, r -> { });
    }

    @Override
    public synchronized MockResponse dispatch(RecordedRequest request) {
        String target = request.getHeaders().get("X-Amz-Target");
        if (target == null || !target.startsWith(TARGET_PREFIX)) {
            return error(400, "UnknownOperationException", "no X-Amz-Target " + target);
        }
        String operation = target.substring(TARGET_PREFIX.length());
        Map<String, Object> body = Json.parseObject(request.getBody() == null ? "{}" : request.getBody().utf8());
        beforeEachRequest.accept(random);
        String shardId = shardOf(operation, body);
        Instant at = clock.instant();
        Fault fault = faults.pick(operation, shardId);
        if (fault != Fault.NONE) {
            MockResponse faulty = faultResponse(fault, operation);
            if (faulty != null) {
                injected.merge(fault, 1, Integer::sum);
                calls.add(new Call(operation, shardId, body, at, fault, -1));
                return faulty;
            }
        }
        lastRecordCount = -1;
        MockResponse response;
        try {
            response = switch (operation) {
                case "DescribeStream" -> describeStream(body);
                case "GetShardIterator" -> getShardIterator(body);
                case "GetRecords" -> getRecords(body);
                default -> error(400, "UnknownOperationException", "the fake does not do " + operation);
            };
        } catch (FakeStream.ServiceError e) {
            response = error(e.status, e.code, e.getMessage());
        }
        calls.add(new Call(operation, shardId, body, at, Fault.NONE, lastRecordCount));
        return response;
    }

    /**
     * Answers each successful call after this long, without holding up other requests: the round trip of a real
     * service, for measurements on the real clock. Zero unless set.
     */
    public void latency(Duration latency) {
        this.latencyNanos = latency.toNanos();
    }

    /** Every request so far, in the order they were answered. */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The requests of one operation. */
    public synchronized List<Call> calls(String operation) {
        return calls.stream().filter(call -> call.operation().equals(operation)).toList();
    }

    /** How many times each fault was injected. */
    public synchronized Map<Fault, Integer> injectedFaults() {
        return Map.copyOf(injected);
    }

    private String shardOf(String operation, Map<String, Object> body) {
        return switch (operation) {
            case "GetShardIterator" -> (String) body.get("ShardId");
            case "GetRecords" -> stream.shardOf((String) body.get("ShardIterator"));
            default -> null;
        };
    }

    private MockResponse faultResponse(Fault fault, String operation) {
        return switch (fault) {
            case LIMIT_EXCEEDED -> error(400, "LimitExceededException", "Too many requests for this shard");
            case THROTTLING -> error(400, "ThrottlingException", "Rate of requests exceeds the allowed throughput");
            case INTERNAL_ERROR -> error(500, "InternalServerError", "Internal server error");
            case UNAVAILABLE -> new MockResponse.Builder()
                    .code(503)
                    .setHeader("Content-Type", "text/html")
                    .body("<html><body><h1>503 Service Unavailable</h1></body></html>")
                    .build();
            case DROP_CONNECTION -> new MockResponse.Builder()
                    .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
            // Never valid JSON, even if it all arrived: the client must not read it as an answer.
            case CUT_BODY -> response(200, "{\"Records\":[" + "{}, ".repeat(2000))
                    .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                    .build();
            case CUT_ERROR_BODY -> operation.equals("GetRecords")
                    ? response(400, "{\"__type\":\"" + ERROR_NAMESPACE + "ExpiredIteratorException\",\"message\":\""
                            + "x".repeat(20_000) + "\"}")
                            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
                            .build()
                    : null;
            case EXPIRED_ITERATOR -> operation.equals("GetRecords")
                    ? error(400, "ExpiredIteratorException", "Iterator expired. The iterator was created at "
                            + "time X while right now it is time Y which is further in the future than the allowed 15 min")
                    : null;
            case ACCESS_DENIED -> error(400, "AccessDeniedException", "User is not authorized to perform " + operation);
            case NONE -> null;
        };
    }

    private MockResponse describeStream(Map<String, Object> body) {
        requireStream((String) body.get("StreamArn"));
        @SuppressWarnings("unchecked")
        Map<String, Object> filter = (Map<String, Object>) body.get("ShardFilter");
        String childrenOf = null;
        if (filter != null) {
            if (!"CHILD_SHARDS".equals(filter.get("Type"))) {
                return error(400, "ValidationException", "ShardFilter.Type must be CHILD_SHARDS");
            }
            childrenOf = (String) filter.get("ShardId");
        }
        int limit = body.get("Limit") == null ? 100 : ((Long) body.get("Limit")).intValue();
        // Small pages, so that listings exercise pagination.
        int pageSize = Math.min(limit, 1 + random.nextInt(6));
        List<FakeStream.ShardView> all = stream.describe((String) body.get("ExclusiveStartShardId"), childrenOf);
        List<FakeStream.ShardView> page = all.subList(0, Math.min(pageSize, all.size()));
        boolean more = all.size() > page.size();
        String status = stream.disabled() ? "DISABLED" : "ENABLED";
        return ok(Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("StreamDescription");
            g.writeStringField("StreamArn", FakeStream.ARN);
            g.writeStringField("StreamLabel", "2024-05-01T00:00:00.000");
            g.writeStringField("StreamStatus", status);
            g.writeStringField("StreamViewType", "NEW_IMAGE");
            g.writeStringField("TableName", "Orders");
            g.writeArrayFieldStart("Shards");
            for (FakeStream.ShardView shard : page) {
                g.writeStartObject();
                g.writeStringField("ShardId", shard.shardId());
                if (shard.parentShardId() != null) {
                    g.writeStringField("ParentShardId", shard.parentShardId());
                }
                g.writeObjectFieldStart("SequenceNumberRange");
                g.writeStringField("StartingSequenceNumber", shard.startingSequenceNumber());
                if (shard.endingSequenceNumber() != null) {
                    g.writeStringField("EndingSequenceNumber", shard.endingSequenceNumber());
                }
                g.writeEndObject();
                g.writeEndObject();
            }
            g.writeEndArray();
            if (more) {
                g.writeStringField("LastEvaluatedShardId", page.get(page.size() - 1).shardId());
            }
            g.writeEndObject();
            g.writeEndObject();
        }));
    }

    private MockResponse getShardIterator(Map<String, Object> body) {
        requireStream((String) body.get("StreamArn"));
        String iterator = stream.iterator((String) body.get("ShardId"), (String) body.get("ShardIteratorType"),
                (String) body.get("SequenceNumber"));
        return ok(Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("ShardIterator", iterator);
            g.writeEndObject();
        }));
    }

    private MockResponse getRecords(Map<String, Object> body) {
        int limit = body.get("Limit") == null ? 1000 : ((Long) body.get("Limit")).intValue();
        FakeStream.Page page = stream.records((String) body.get("ShardIterator"), limit, random);
        lastRecordCount = page.records().size();
        return ok(Json.write(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("Records");
            for (FakeStream.FakeRecord record : page.records()) {
                writeRecord(g, record);
            }
            g.writeEndArray();
            if (page.nextIterator() != null) {
                g.writeStringField("NextShardIterator", page.nextIterator());
            }
            g.writeEndObject();
        }));
    }

    private static void writeRecord(JsonGenerator g, FakeStream.FakeRecord record) throws IOException {
        g.writeStartObject();
        g.writeStringField("eventID", "event-" + record.sequenceNumber());
        g.writeStringField("eventName", "INSERT");
        g.writeStringField("eventVersion", "1.1");
        g.writeStringField("eventSource", "aws:dynamodb");
        g.writeStringField("awsRegion", "us-east-1");
        g.writeObjectFieldStart("dynamodb");
        Instant created = record.createdAt();
        // Whole seconds, as the service rounds ApproximateCreationDateTime down to the second.
        g.writeNumberField("ApproximateCreationDateTime", created.getEpochSecond());
        g.writeObjectFieldStart("Keys");
        g.writeObjectFieldStart("OrderId");
        g.writeStringField("N", Long.toString(record.itemId()));
        g.writeEndObject();
        g.writeEndObject();
        g.writeObjectFieldStart("NewImage");
        g.writeObjectFieldStart("OrderId");
        g.writeStringField("N", Long.toString(record.itemId()));
        g.writeEndObject();
        g.writeObjectFieldStart("Shard");
        g.writeStringField("S", record.shardId());
        g.writeEndObject();
        g.writeEndObject();
        g.writeStringField("SequenceNumber", record.sequenceNumber());
        g.writeNumberField("SizeBytes", 42);
        g.writeStringField("StreamViewType", "NEW_IMAGE");
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void requireStream(String arn) {
        if (!FakeStream.ARN.equals(arn)) {
            throw new FakeStream.ServiceError(400, "ResourceNotFoundException", "Requested resource not found: Stream: "
                    + arn + " not found");
        }
    }

    private MockResponse ok(String json) {
        return response(200, json).headersDelay(latencyNanos, TimeUnit.NANOSECONDS).build();
    }

    private static MockResponse error(int status, String code, String message) {
        String json = Json.write(g -> {
            g.writeStartObject();
            g.writeStringField("__type", ERROR_NAMESPACE + code);
            g.writeStringField("message", message);
            g.writeEndObject();
        });
        return response(status, json).build();
    }

    private static MockResponse.Builder response(int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        CRC32 crc32 = new CRC32();
        crc32.update(bytes);
        return new MockResponse.Builder()
                .code(status)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .setHeader("x-amzn-RequestId", "request-" + Long.toHexString(crc32.getValue()))
                .setHeader("x-amz-crc32", Long.toString(crc32.getValue()))
                .body(json);
    }
}
