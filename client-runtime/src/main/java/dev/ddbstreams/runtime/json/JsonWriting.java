package dev.ddbstreams.runtime.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.runtime.core.Bytes;
import dev.ddbstreams.runtime.core.Document;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Writes values whose JSON form the protocol defines; called by generated marshallers. */
public final class JsonWriting {

    private JsonWriting() {}

    /**
     * Writes {@code instant} as epoch seconds: an integer when it has no fraction ({@code 1478793480}), otherwise a
     * plain decimal with exactly the digits the fraction needs ({@code 1478793480.5}), as the service writes them.
     */
    public static void writeTimestamp(JsonGenerator generator, Instant instant) throws IOException {
        if (instant.getNano() == 0) {
            generator.writeNumber(instant.getEpochSecond());
            return;
        }
        BigDecimal seconds = BigDecimal.valueOf(instant.getEpochSecond())
                .add(BigDecimal.valueOf(instant.getNano(), 9))
                .stripTrailingZeros();
        // toPlainString, not the generator's BigDecimal writer: that one may choose scientific notation.
        generator.writeNumber(seconds.toPlainString());
    }

    /**
     * Writes {@code instant} as an RFC 3339 date-time string in UTC, the {@code iso8601} ({@code date-time})
     * format: {@code "2000-01-02T20:34:56Z"}, with the fraction of a second when there is one
     * ({@code "2000-01-02T20:34:56.123Z"}), as the AWS SDKs write it.
     *
     * @throws IllegalArgumentException when the instant's year is not in 0000 to 9999, which the format cannot write
     */
    public static void writeDateTime(JsonGenerator generator, Instant instant) throws IOException {
        generator.writeString(TimestampText.formatDateTime(instant));
    }

    /**
     * Writes {@code instant} as an HTTP date string, the {@code rfc822} ({@code http-date}) format:
     * {@code "Sun, 02 Jan 2000 20:34:56 GMT"}. The format has whole seconds: a fraction of a second is dropped, as
     * the AWS SDKs drop it.
     *
     * @throws IllegalArgumentException when the instant's year is not in 0000 to 9999
     */
    public static void writeHttpDate(JsonGenerator generator, Instant instant) throws IOException {
        generator.writeString(TimestampText.formatHttpDate(instant));
    }

    /** Writes a {@code document} value as the JSON it is, every number exactly as its text. */
    public static void writeDocument(JsonGenerator generator, Document document) throws IOException {
        switch (document.type()) {
            case NULL:
                generator.writeNull();
                break;
            case BOOLEAN:
                generator.writeBoolean(document.asBoolean());
                break;
            case NUMBER:
                // Checked to be a JSON number when the document was made, so writing it raw cannot break the body.
                generator.writeNumber(document.asNumberText());
                break;
            case STRING:
                generator.writeString(document.asString());
                break;
            case LIST:
                generator.writeStartArray();
                for (Document element : document.asList()) {
                    writeDocument(generator, element);
                }
                generator.writeEndArray();
                break;
            default:
                generator.writeStartObject();
                for (Map.Entry<String, Document> entry : document.asMap().entrySet()) {
                    generator.writeFieldName(entry.getKey());
                    writeDocument(generator, entry.getValue());
                }
                generator.writeEndObject();
                break;
        }
    }

    /**
     * Writes an idempotency token: {@code token} when the caller set one, otherwise a new random UUID, as the AWS
     * SDKs fill such members. The request body is written once per call, so every retry of the call carries the same
     * token and the service can recognise it.
     */
    public static void writeIdempotencyToken(JsonGenerator generator, String token) throws IOException {
        generator.writeString(token != null ? token : UUID.randomUUID().toString());
    }

    /** Writes {@code bytes} as a padded standard base64 string. */
    public static void writeBlob(JsonGenerator generator, Bytes bytes) throws IOException {
        byte[] array = bytes.asByteArrayUnsafe();
        generator.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, array, 0, array.length);
    }
}
