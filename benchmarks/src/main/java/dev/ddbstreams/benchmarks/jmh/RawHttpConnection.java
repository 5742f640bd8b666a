package dev.ddbstreams.benchmarks.jmh;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The least a client can do per call: write a fixed, unsigned request on a kept-alive socket and read the
 * response's bytes into a reused buffer, parsing nothing but the status line and Content-Length. What it measures
 * is the fixture server plus the loopback network: the floor under every client's end-to-end time on this machine.
 */
final class RawHttpConnection implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final byte[] request;
    private byte[] body = new byte[64 * 1024];

    RawHttpConnection(String baseUri, String fixture, String operation) throws IOException {
        URI uri = URI.create(baseUri);
        socket = new Socket(uri.getHost(), uri.getPort());
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        String json = "{\"ShardIterator\":\"floor\"}";
        request = ("POST /" + fixture + "/ HTTP/1.1\r\n"
                + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                + "Content-Type: application/x-amz-json-1.0\r\n"
                + "X-Amz-Target: DynamoDBStreams_20120810." + operation + "\r\n"
                + "Content-Length: " + json.length() + "\r\n"
                + "\r\n" + json).getBytes(StandardCharsets.US_ASCII);
    }

    /** One request and its whole response; returns the body length. */
    int call() throws IOException {
        out.write(request);
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException("Unexpected response: " + status);
        }
        int length = -1;
        String line;
        while (!(line = readLine()).isEmpty()) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        if (body.length < length) {
            body = new byte[length];
        }
        int read = in.readNBytes(body, 0, length);
        if (read != length) {
            throw new EOFException("Response cut off");
        }
        return length;
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new EOFException("Connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
