package dev.ddbstreams.runtime.http;

import dev.ddbstreams.runtime.exception.SdkClientException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/**
 * Gzip-compresses request bodies of the operations that accept it ({@code requestcompression}), before they are
 * signed: the signature covers the compressed bytes, which is what the service receives. Java's gzip writer sets no
 * modification time, so the same body always compresses to the same bytes.
 */
final class RequestCompression {

    /** The {@code Content-Encoding} value of a compressed body. */
    static final String GZIP = "gzip";

    private RequestCompression() {}

    static byte[] gzip(String operationName, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, body.length / 4));
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(body);
        } catch (IOException e) {
            throw new SdkClientException("Unable to compress the request body of " + operationName + ": " + e, e);
        }
        return out.toByteArray();
    }
}
