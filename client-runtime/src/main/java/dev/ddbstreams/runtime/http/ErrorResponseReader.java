package dev.ddbstreams.runtime.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.runtime.exception.AwsErrorDetails;
import dev.ddbstreams.runtime.exception.SdkClientException;
import dev.ddbstreams.runtime.exception.AwsServiceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.zip.CRC32;
import okhttp3.Response;

/**
 * Reads what an error response says and hands it to the service's {@link ErrorMapper}: the error code from the
 * {@code x-amzn-ErrorType} header, else the body's {@code code}, else its {@code __type} (the protocol's order),
 * each in any of the forms services write ({@code aws.dynamodb#ResourceNotFoundException},
 * {@code ResourceNotFoundException:http://internal.amazon.com/...}); the message from {@code message} or
 * {@code Message}; the request id from {@code x-amzn-RequestId}; the query code of a query-compatible service from
 * {@code x-amzn-query-error}; and the JSON body itself, from which the mapper reads the error's modeled members.
 *
 * <p>A body that is not a JSON object, such as a proxy's HTML error page, still gives details: a message stating
 * the status and quoting the start of the body. Nothing here throws because of what the body contains, except a
 * failed {@code x-amz-crc32} check.
 */
final class ErrorResponseReader {

    /** Error bodies are a few hundred bytes; anything past this is not worth holding in memory. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final int EXCERPT_CHARS = 200;

    private final JsonFactory jsonFactory;
    private final String serviceName;

    ErrorResponseReader(JsonFactory jsonFactory, String serviceName) {
        this.jsonFactory = jsonFactory;
        this.serviceName = serviceName;
    }

    /** The exception for an error response, as {@code errorMapper} maps what the response says. */
    AwsServiceException read(String operationName, Response response, ErrorMapper errorMapper) {
        ErrorBody parsed = new ErrorBody();
        AwsErrorDetails details = read(operationName, response, parsed);
        byte[] json = parsed.json;
        return errorMapper.map(details, response.header(ErrorMapper.QUERY_ERROR_HEADER),
                json == null ? null : () -> jsonFactory.createParser(json));
    }

    /** What the response says; {@code parsed} gets the fields of a JSON object body, and the body itself. */
    private AwsErrorDetails read(String operationName, Response response, ErrorBody parsed) {
        String requestId = firstHeader(response, "x-amzn-RequestId", "x-amz-request-id");
        String headerCode = response.header("x-amzn-ErrorType");
        int status = response.code();
        byte[] body;
        boolean complete;
        try (InputStream in = response.body().byteStream()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
            complete = body.length <= MAX_BODY_BYTES;
        } catch (IOException e) {
            // A body cut off in transit says nothing reliable about the error: it is an I/O failure, retried as a
            // cut-off 2xx body is (an SdkClientException with an I/O cause), never the status's non-retryable error.
            throw new SdkClientException("Unable to read the whole " + statusLine(response) + " error response to "
                    + operationName + " (the connection failed, timed out or closed before the body was complete): "
                    + e, e);
        }
        if (complete) {
            verifyCrc32(operationName, response, body);
        } else {
            body = Arrays.copyOf(body, MAX_BODY_BYTES);
        }
        if (!parse(body, parsed)) {
            return new AwsErrorDetails(errorCode(headerCode), describeNonJson(response, body, complete), requestId,
                    status, serviceName);
        }
        String code = firstCode(headerCode, parsed.code, parsed.type);
        return new AwsErrorDetails(code, parsed.message, requestId, status, serviceName);
    }

    /** The first of the codes that names one, cleaned ({@link #errorCode}); null when none does. */
    private static String firstCode(String... candidates) {
        for (String candidate : candidates) {
            String code = errorCode(candidate);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    private static void verifyCrc32(String operationName, Response response, byte[] body) {
        OptionalLong expected = ResponseCrc32.expected(response, operationName);
        if (expected.isPresent()) {
            CRC32 crc32 = new CRC32();
            crc32.update(body);
            ResponseCrc32.verify(operationName, expected.getAsLong(), crc32.getValue());
        }
    }

    /**
     * Reads the top-level code, type and message of a JSON object body into {@code result}, with the body; false
     * when the body is not a JSON object (nested {@code __type} fields, which DynamoDB writes in error details, are
     * not the error's).
     */
    private boolean parse(byte[] body, ErrorBody result) {
        try (JsonParser parser = jsonFactory.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return false;
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_STRING) {
                    result.accept(field, parser.getText());
                } else {
                    parser.skipChildren();
                }
            }
            // Rejects trailing garbage, and a body cut off at the size limit.
            if (parser.currentToken() == JsonToken.END_OBJECT && parser.nextToken() == null) {
                result.json = body;
                return true;
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Removes what surrounds the code: {@code aws.dynamodb#ResourceNotFoundException} and
     * {@code ResourceNotFoundException:http://internal.amazon.com/...} both become {@code ResourceNotFoundException}.
     */
    static String errorCode(String raw) {
        if (raw == null) {
            return null;
        }
        String code = raw;
        int colon = code.indexOf(':');
        if (colon >= 0) {
            code = code.substring(0, colon);
        }
        int hash = code.indexOf('#');
        if (hash >= 0) {
            code = code.substring(hash + 1);
        }
        code = code.trim();
        return code.isEmpty() ? null : code;
    }

    private static String describeNonJson(Response response, byte[] body, boolean complete) {
        if (body.length == 0) {
            return statusLine(response) + " response with an empty body";
        }
        return statusLine(response) + " response whose body is not a JSON error"
                + (complete ? "" : " (first " + MAX_BODY_BYTES + " bytes read)") + ": " + excerpt(body);
    }

    private static String statusLine(Response response) {
        String reason = response.message();
        return "HTTP " + response.code() + (reason == null || reason.isBlank() ? "" : " " + reason.strip());
    }

    /** The start of the body on one line, so an HTML page cannot flood a log. */
    private static String excerpt(byte[] body) {
        String text = new String(body, 0, Math.min(body.length, EXCERPT_CHARS * 4), StandardCharsets.UTF_8)
                .replaceAll("\\p{Cntrl}", " ")
                .replaceAll("\\s+", " ")
                .strip();
        return text.length() <= EXCERPT_CHARS ? text : text.substring(0, EXCERPT_CHARS) + "...";
    }

    private static String firstHeader(Response response, String... names) {
        for (String name : names) {
            String value = response.header(name);
            if (value != null && !value.isBlank()) {
                return value.strip();
            }
        }
        return null;
    }

    /** The fields of an error body that matter, and the body when it is a JSON object. */
    private static final class ErrorBody {
        private String code;
        private String type;
        private String message;
        private byte[] json;

        void accept(String field, String value) {
            switch (field) {
                case "__type":
                    type = value;
                    break;
                case "code":
                    code = value;
                    break;
                case "message":
                case "Message":
                    if (message == null) {
                        message = value;
                    }
                    break;
                default:
                    break;
            }
        }
    }
}
