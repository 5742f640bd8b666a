package dev.ddbstreams.runtime.auth;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * Reads the JSON document that the container credentials endpoint and the EC2 instance metadata service answer
 * with: {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token}, {@code Expiration} and, from EC2, a
 * {@code Code} that must be {@code Success}. Error messages never quote the document, which holds secrets.
 */
final class CredentialsResponse {

    private static final JsonFactory JSON = new JsonFactory();

    private CredentialsResponse() {}

    /**
     * The credentials in {@code body}.
     *
     * @param source where the document came from, for messages
     * @throws SdkClientException when the document is not valid JSON, lacks a key, or reports a failure
     */
    static AwsCredentials parse(byte[] body, String source) {
        String accessKeyId = null;
        String secretAccessKey = null;
        String token = null;
        String expiration = null;
        String code = null;
        try (JsonParser parser = JSON.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw invalid(source, "not a JSON object");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value != JsonToken.VALUE_STRING) {
                    parser.skipChildren();
                    continue;
                }
                switch (field) {
                    case "AccessKeyId" -> accessKeyId = parser.getText();
                    case "SecretAccessKey" -> secretAccessKey = parser.getText();
                    case "Token" -> token = parser.getText();
                    case "Expiration" -> expiration = parser.getText();
                    case "Code" -> code = parser.getText();
                    default -> { }
                }
            }
        } catch (IOException e) {
            // Only the parser's own message, never the document.
            throw invalid(source, "not valid JSON (" + e.getClass().getSimpleName() + ")");
        }
        if (code != null && !code.equals("Success")) {
            throw new SdkClientException("The credentials from " + source + " are not usable: Code is " + code);
        }
        if (isBlank(accessKeyId) || isBlank(secretAccessKey)) {
            throw invalid(source, "AccessKeyId or SecretAccessKey is missing");
        }
        return AwsCredentials.builder()
                .accessKeyId(accessKeyId)
                .secretAccessKey(secretAccessKey)
                .sessionToken(isBlank(token) ? null : token)
                .expiration(expiration == null ? null : instant(expiration, source))
                .build();
    }

    private static Instant instant(String text, String source) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw invalid(source, "Expiration is not an ISO-8601 time: " + text);
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static SdkClientException invalid(String source, String problem) {
        return new SdkClientException("The credentials document from " + source + " is invalid: " + problem);
    }
}
