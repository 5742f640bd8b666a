package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.Crc32MismatchException;
import dev.ddbstreams.runtime.exception.MalformedResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.util.OptionalLong;
import okhttp3.Response;

/**
 * The {@code x-amz-crc32} check: the service may announce the CRC32 of the response body as it sent it (an unsigned
 * 32-bit decimal), and a body that disagrees was corrupted on its way.
 */
final class ResponseCrc32 {

    static final String HEADER = "x-amz-crc32";

    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    private ResponseCrc32() {}

    /** The announced CRC32, or empty when the response has none. */
    static OptionalLong expected(Response response, String operationName) {
        String header = response.header(HEADER);
        if (header == null) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(header.trim());
            if (value >= 0 && value <= MAX_UNSIGNED_32) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // Reported below with the other invalid values.
        }
        throw new MalformedResponseException("The response to " + operationName + " has an invalid " + HEADER
                + " header (expected an unsigned 32-bit decimal): " + header);
    }

    /** Throws when {@code actual} is not the announced CRC32. */
    static void verify(String operationName, long expected, long actual) {
        if (expected != actual) {
            throw new Crc32MismatchException("The response to " + operationName + " failed its CRC32 check ("
                    + HEADER + ": " + expected + ", computed over the bytes received: " + actual
                    + "): it was corrupted on its way", expected, actual);
        }
    }

    /**
     * Reads {@code in} to its end, so a checksum computed while reading covers every byte. The parser has normally
     * read the whole body already, so one byte is read first and a buffer is only allocated when more follows.
     */
    static void drain(InputStream in) throws IOException {
        if (in.read() == -1) {
            return;
        }
        byte[] buffer = new byte[8192];
        while (in.read(buffer) != -1) {
            // Only the checksum wants these bytes.
        }
    }
}
