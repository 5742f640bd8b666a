package dev.ddbstreams.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.ddbstreams.runtime.exception.AwsServiceException;
import dev.ddbstreams.streams.model.ResourceNotFoundException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okio.Buffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An error response is reported as the service's error however broken its body: cut short, of the wrong types,
 * or not JSON at all, it is still an {@link AwsServiceException} with the status code (the error code then comes
 * from the {@code x-amzn-ErrorType} header when the body cannot give it), and the client goes on serving.
 */
class HostileErrorResponseTest {

    private static final String ERROR_BODY = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException\","
            + "\"message\":\"Requested resource not found: Stream: arn:aws:dynamodb:us-west-2:111122223333:table/Forum"
            + "/stream/2015-05-20T20:51:10.252 not found\"}";

    private static final HostileServer HOSTILE = new HostileServer();

    @AfterAll
    static void close() {
        HOSTILE.close();
    }

    @Test
    void anErrorBodyCutAtEveryByteIsStillTheServiceError() {
        byte[] whole = ERROR_BODY.getBytes(StandardCharsets.UTF_8);
        for (int length = 0; length < whole.length; length++) {
            AwsServiceException error = serviceError(Arrays.copyOf(whole, length));

            // The header names the error when the cut body cannot.
            assertThat(error).as("cut after %d bytes", length).isInstanceOf(ResourceNotFoundException.class);
            assertThat(error.statusCode()).isEqualTo(400);
            HOSTILE.servesTheNextRequestNormally();
        }
    }

    static Stream<String> wrongShapes() {
        return Stream.of(
                "{\"__type\":5,\"message\":[\"x\"]}", "{\"__type\":null}", "[\"ResourceNotFoundException\"]",
                "\"text\"", "<html><body>502 Bad Gateway</body></html>",
                "{\"__type\":\"ResourceNotFoundException\",\"__type\":\"X\"}",
                "{\"message\":{\"nested\":" + "[".repeat(5_000) + "]".repeat(5_000) + "}}");
    }

    @ParameterizedTest
    @MethodSource("wrongShapes")
    void anErrorBodyOfTheWrongShapeIsStillTheServiceError(String body) {
        AwsServiceException error = serviceError(body.getBytes(StandardCharsets.UTF_8));

        assertThat(error.statusCode()).isEqualTo(400);
        assertThat(error.getMessage()).hasSizeLessThan(1_000);
        HOSTILE.servesTheNextRequestNormally();
    }

    private static AwsServiceException serviceError(byte[] body) {
        HOSTILE.servedResponse(new MockResponse.Builder().code(400)
                .setHeader("Content-Type", "application/x-amz-json-1.0")
                .setHeader("x-amzn-ErrorType", "ResourceNotFoundException:http://internal.amazon.com/coral/")
                .setHeader("x-amzn-RequestId", "REQ1")
                .body(new Buffer().write(body))
                .build());
        Throwable thrown = catchThrowable(() -> HOSTILE.client().getRecords(r -> r.shardIterator("it")));
        assertThat(thrown).as(new String(body, StandardCharsets.UTF_8)).isInstanceOf(AwsServiceException.class);
        return (AwsServiceException) thrown;
    }
}
