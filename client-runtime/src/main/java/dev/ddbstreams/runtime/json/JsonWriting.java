package dev.ddbstreams.runtime.json;

import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.ddbstreams.runtime.core.Bytes;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

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

    /** Writes {@code bytes} as a padded standard base64 string. */
    public static void writeBlob(JsonGenerator generator, Bytes bytes) throws IOException {
        byte[] array = bytes.asByteArrayUnsafe();
        generator.writeBinary(Base64Variants.MIME_NO_LINEFEEDS, array, 0, array.length);
    }
}
