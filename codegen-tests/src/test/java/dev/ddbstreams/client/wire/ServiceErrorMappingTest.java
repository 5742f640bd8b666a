package dev.ddbstreams.client.wire;

import static dev.ddbstreams.client.wire.StreamsWire.REQUEST_ID;
import static dev.ddbstreams.client.wire.StreamsWire.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.codegen.tests.RepoPaths;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.streams.DynamoDbStreamsClient;
import dev.ddbstreams.streams.model.DynamoDbStreamsException;
import dev.ddbstreams.streams.model.ExpiredIteratorException;
import dev.ddbstreams.streams.model.InternalServerErrorException;
import dev.ddbstreams.streams.model.LimitExceededException;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import dev.ddbstreams.streams.model.TrimmedDataAccessException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.junit5.StartStop;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Error responses reach the caller as the generated exception of their error code, with everything the service said,
 * and responses that are no service error at all (a proxy's page, an empty body) as a readable base exception.
 */
class ServiceErrorMappingTest {

    /** Each modeled error: the code on the wire, its generated class and the HTTP status the model gives it. */
    static Stream<Arguments> modeledErrors() {
        return Stream.of(
                Arguments.of("ExpiredIteratorException", ExpiredIteratorException.class, 400),
                Arguments.of("TrimmedDataAccessException", TrimmedDataAccessException.class, 400),
                Arguments.of("ResourceNotFoundException", ResourceNotFoundException.class, 400),
                Arguments.of("LimitExceededException", LimitExceededException.class, 400),
                // The model's shape is named InternalServerError; the class gets the Exception suffix.
                Arguments.of("InternalServerError", InternalServerErrorException.class, 500));
    }

    @StartStop
    private final MockWebServer server = new MockWebServer();

    private DynamoDbStreamsClient client;

    @BeforeEach
    void createClient() {
        client = StreamsWire.client(server);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** GetRecords declares every modeled error, so it is the call used throughout. */
    private DynamoDbStreamsException failingCall() {
        return catchThrowableOfType(DynamoDbStreamsException.class,
                () -> client.getRecords(r -> r.shardIterator("iterator-1")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modeledErrors")
    void modeledErrorBecomesItsGeneratedException(String code, Class<? extends DynamoDbStreamsException> type,
                                                  int status) {
        server.enqueue(error(status, "{\"__type\":\"" + code + "\",\"message\":\"Details of " + code + "\"}"));

        DynamoDbStreamsException e = failingCall();

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo("Details of " + code);
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.statusCode()).isEqualTo(status);
        assertThat(e.awsErrorDetails().serviceName()).isEqualTo("DynamoDB Streams");
        assertThat(e).hasMessage("Details of " + code + " (Service: DynamoDB Streams, Status Code: " + status
                + ", Error Code: " + code + ", Request ID: " + REQUEST_ID + ") (SDK Attempt Count: 1)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("modeledErrors")
    void namespacedTypeIsMappedByItsLastPart(String code, Class<? extends DynamoDbStreamsException> type,
                                             int status) {
        // The form DynamoDB actually sends.
        server.enqueue(error(status, "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + code + "\","
                + "\"message\":\"namespaced\"}"));

        DynamoDbStreamsException e = failingCall();

        assertThat(e).isExactlyInstanceOf(type);
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.errorMessage()).isEqualTo("namespaced");
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.statusCode()).isEqualTo(status);
    }

    @Test
    void unmodeledCodeBecomesTheBaseException() {
        server.enqueue(error(400, "{\"__type\":\"com.amazon.coral.availability#ThrottlingException\","
                + "\"message\":\"Rate of requests exceeds the allowed throughput.\"}"));

        DynamoDbStreamsException e = failingCall();

        // Exactly the base class, so callers that catch it see codes newer than this client.
        assertThat(e).isExactlyInstanceOf(DynamoDbStreamsException.class);
        assertThat(e.errorCode()).isEqualTo("ThrottlingException");
        assertThat(e.errorMessage()).isEqualTo("Rate of requests exceeds the allowed throughput.");
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.statusCode()).isEqualTo(400);
    }

    @Test
    void htmlPageOfAProxyIsAReadableBaseException() {
        server.enqueue(new MockResponse.Builder().code(502)
                .addHeader("Content-Type", "text/html")
                .body("<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n"
                        + "<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n")
                .build());

        DynamoDbStreamsException e = failingCall();

        assertThat(e).isExactlyInstanceOf(DynamoDbStreamsException.class);
        assertThat(e.statusCode()).isEqualTo(502);
        assertThat(e.errorCode()).isNull();
        assertThat(e.requestId()).isNull();
        // States the status and quotes the page on one line, instead of failing to parse it.
        assertThat(e.errorMessage())
                .startsWith("HTTP 502")
                .contains("<title>502 Bad Gateway</title>")
                .doesNotContain("\n");
        assertThat(e.getMessage()).contains("Status Code: 502");
    }

    @Test
    void emptyServerErrorIsAReadableBaseException() {
        server.enqueue(new MockResponse.Builder().code(500).addHeader("x-amzn-RequestId", REQUEST_ID).build());

        DynamoDbStreamsException e = failingCall();

        // No code, so not InternalServerErrorException: the status alone does not say which error it was.
        assertThat(e).isExactlyInstanceOf(DynamoDbStreamsException.class);
        assertThat(e.statusCode()).isEqualTo(500);
        assertThat(e.errorCode()).isNull();
        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
        assertThat(e.errorMessage()).startsWith("HTTP 500").contains("empty body");
    }

    @Test
    void everyModeledErrorOfTheModelIsASubclassOfTheServiceException() throws Exception {
        Map<String, Integer> modeled = exceptionShapesOfTheModel();

        // The list above covers the model exactly, so a new error in the model fails here until it is tested.
        assertThat(modeledErrors().map(a -> (String) a.get()[0])).containsExactlyInAnyOrderElementsOf(
                modeled.keySet());
        for (Map.Entry<String, Integer> error : modeled.entrySet()) {
            String simpleName = error.getKey().endsWith("Exception") ? error.getKey() : error.getKey() + "Exception";
            Class<?> type = Class.forName("dev.ddbstreams.streams.model." + simpleName);
            assertThat(type).as(simpleName).isAssignableTo(DynamoDbStreamsException.class);
            assertThat(type.getField("ERROR_CODE").get(null)).as(simpleName + ".ERROR_CODE")
                    .isEqualTo(error.getKey());
            assertThat(modeledErrors()).as("status of " + simpleName)
                    .anySatisfy(a -> assertThat(a.get()).containsExactly(error.getKey(), type, error.getValue()));
        }
        assertThat(DynamoDbStreamsException.class).isAssignableTo(AwsServiceException.class);
    }

    /** The shapes of our model marked {@code "exception": true}, with their {@code error.httpStatusCode}. */
    private static Map<String, Integer> exceptionShapesOfTheModel() throws IOException {
        Map<String, Integer> result = new TreeMap<>();
        try (JsonParser parser = new JsonFactory().createParser(Files.readAllBytes(RepoPaths.streamsModel()))) {
            parser.nextToken();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("shapes")) {
                    parser.skipChildren();
                    continue;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    String shape = parser.currentName();
                    parser.nextToken();
                    boolean exception = false;
                    Integer status = null;
                    while (parser.nextToken() == JsonToken.FIELD_NAME) {
                        String member = parser.currentName();
                        JsonToken value = parser.nextToken();
                        if (member.equals("exception")) {
                            exception = value == JsonToken.VALUE_TRUE;
                        } else if (member.equals("error")) {
                            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                                String errorMember = parser.currentName();
                                parser.nextToken();
                                if (errorMember.equals("httpStatusCode")) {
                                    status = parser.getIntValue();
                                }
                                parser.skipChildren();
                            }
                        } else {
                            parser.skipChildren();
                        }
                    }
                    if (exception) {
                        result.put(shape, status);
                    }
                }
            }
        }
        return result;
    }
}
