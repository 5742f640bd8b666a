package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.json.JsonReading;
import java.io.CharConversionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;
import okhttp3.Response;
import okio.BufferedSource;

/**
 * Reads a 2xx response with the operation's unmarshaller, straight from the network stream, and checks the body
 * against {@code x-amz-crc32} when the service sent one.
 */
final class SuccessResponseReader {

    private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);

    private final JsonFactory jsonFactory;

    /** @param jsonFactory a factory that does not close the streams its parsers read */
    SuccessResponseReader(JsonFactory jsonFactory) {
        this.jsonFactory = jsonFactory;
    }

    <T> T read(String operationName, Response response, ResponseUnmarshaller<T> unmarshaller) {
        OptionalLong expectedCrc32 = ResponseCrc32.expected(response, operationName);
        BufferedSource source = response.body().source();
        CheckedInputStream body = new CheckedInputStream(source.inputStream(), new CRC32());
        T result;
        try {
            // The protocol allows an operation without output to answer with no body at all.
            boolean empty = source.exhausted();
            result = unmarshal(empty ? jsonFactory.createParser(EMPTY_OBJECT) : jsonFactory.createParser(body),
                    unmarshaller);
        } catch (JsonProcessingException e) {
            throw corruptedOr(operationName, body, expectedCrc32, malformed(operationName, e));
        } catch (MalformedResponseException e) {
            throw corruptedOr(operationName, body, expectedCrc32, new MalformedResponseException(
                    "The response to " + operationName + " is malformed: " + e.getMessage(), e));
        } catch (CharConversionException e) {
            // Bytes that are not text in any JSON encoding: the body is wrong, not the connection.
            throw corruptedOr(operationName, body, expectedCrc32, new MalformedResponseException(
                    "The response to " + operationName + " is not valid JSON text: " + e.getMessage(), e));
        } catch (IOException e) {
            throw cutOff(operationName, e);
        }
        if (expectedCrc32.isPresent()) {
            try {
                ResponseCrc32.drain(body);
            } catch (IOException e) {
                throw cutOff(operationName, e);
            }
            ResponseCrc32.verify(operationName, expectedCrc32.getAsLong(), body.getChecksum().getValue());
        }
        return result;
    }

    private static <T> T unmarshal(JsonParser parser, ResponseUnmarshaller<T> unmarshaller) throws IOException {
        try (parser) {
            T result = unmarshaller.read(parser);
            // A second value after the response (two responses concatenated by a faulty proxy, say) must not be
            // silently dropped: the client cannot know which one the service meant.
            if (parser.nextToken() != null) {
                throw JsonReading.malformed(parser, "response", "unexpected content after the end of the response object");
            }
            return result;
        }
    }

    /**
     * When a body that failed to parse also fails its CRC32, the corruption is the real cause: report that, with
     * the parse failure attached. Otherwise the parse failure stands.
     */
    private static SdkClientException corruptedOr(String operationName, CheckedInputStream body,
                                                  OptionalLong expectedCrc32, MalformedResponseException failure) {
        if (expectedCrc32.isEmpty()) {
            return failure;
        }
        try {
            ResponseCrc32.drain(body);
            ResponseCrc32.verify(operationName, expectedCrc32.getAsLong(), body.getChecksum().getValue());
            return failure;
        } catch (Crc32MismatchException mismatch) {
            mismatch.addSuppressed(failure);
            return mismatch;
        } catch (IOException e) {
            SdkClientException cutOff = cutOff(operationName, e);
            cutOff.addSuppressed(failure);
            return cutOff;
        }
    }

    private static MalformedResponseException malformed(String operationName, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        String where = location == null || location.getLineNr() < 1
                ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        // The path says which member was being read, e.g. /Records/0/dynamodb/SequenceNumber.
        if (e.getProcessor() instanceof JsonParser parser) {
            where += JsonReading.pathOf(parser);
        }
        return new MalformedResponseException("The response to " + operationName + " is not valid JSON: "
                + e.getOriginalMessage() + where, e);
    }

    private static SdkClientException cutOff(String operationName, IOException e) {
        return new SdkClientException("Unable to read the whole response to " + operationName
                + " (the connection failed, timed out or closed before the body was complete): " + e, e);
    }
}
