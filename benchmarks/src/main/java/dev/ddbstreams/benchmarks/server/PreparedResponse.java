package dev.ddbstreams.benchmarks.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * A whole HTTP/1.1 response, status line to last body byte, built once: serving it is then a single socket write,
 * so the server spends next to nothing per request and one write keeps Nagle's algorithm out of the timings.
 */
final class PreparedResponse {

    private static final String CONTENT_TYPE = "application/x-amz-json-1.0";

    private final byte[] bytes;

    private PreparedResponse(byte[] bytes) {
        this.bytes = bytes;
    }

    /** A 200 response carrying {@code body}, with the {@code x-amz-crc32} DynamoDB sends. */
    static PreparedResponse ok(byte[] body) {
        return of(200, "OK", body);
    }

    /** An error as awsJson 1.0 sends it: {@code __type} names the error. */
    static PreparedResponse error(int status, String reason, String errorType, String message) {
        String json = "{\"__type\":\"com.amazonaws.dynamodb.v20120810#" + errorType + "\",\"message\":\""
                + message.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
        return of(status, reason, json.getBytes(StandardCharsets.UTF_8));
    }

    private static PreparedResponse of(int status, String reason, byte[] body) {
        CRC32 crc32 = new CRC32();
        crc32.update(body);
        String head = "HTTP/1.1 " + status + " " + reason + "\r\n"
                + "Content-Type: " + CONTENT_TYPE + "\r\n"
                + "Content-Length: " + body.length + "\r\n"
                + "x-amz-crc32: " + crc32.getValue() + "\r\n"
                + "x-amzn-RequestId: BENCHMARK0000000000000000000000000000000000000000000\r\n"
                + "Date: Thu, 01 Jan 2026 00:00:00 GMT\r\n"
                + "\r\n";
        ByteArrayOutputStream out = new ByteArrayOutputStream(head.length() + body.length);
        out.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(body);
        return new PreparedResponse(out.toByteArray());
    }

    /** The response as it goes on the wire. */
    byte[] bytes() {
        return bytes;
    }
}
