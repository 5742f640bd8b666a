package dev.ddbstreams.benchmarks.server;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * The request line and the few headers the fixture server looks at. Only what the three clients under test send
 * is supported: HTTP/1.1 POSTs with a Content-Length or chunked body.
 */
record RequestHead(String method, String path, String target, long contentLength, boolean chunked,
                   boolean expectContinue, boolean close) {

    private static final int MAX_LINE = 16 * 1024;

    /** Reads the head of the next request, or returns null when the client closed the connection between requests. */
    static RequestHead read(InputStream in) throws IOException {
        String requestLine = readLine(in, true);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("Malformed request line: " + requestLine);
        }
        String target = null;
        long contentLength = 0;
        boolean chunked = false;
        boolean expectContinue = false;
        boolean close = false;
        String line;
        while (!(line = readLine(in, false)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                throw new IOException("Malformed header: " + line);
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "x-amz-target" -> target = value;
                case "content-length" -> contentLength = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "expect" -> expectContinue = value.equalsIgnoreCase("100-continue");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> {
                    // Signatures, dates and user agents are not checked: the clients sign with fake credentials.
                }
            }
        }
        return new RequestHead(parts[0], parts[1], target, contentLength, chunked, expectContinue, close);
    }

    /** Reads and drops the request body. */
    void skipBody(InputStream in) throws IOException {
        if (chunked) {
            long size;
            do {
                String sizeLine = readLine(in, false);
                int extension = sizeLine.indexOf(';');
                size = Long.parseLong((extension < 0 ? sizeLine : sizeLine.substring(0, extension)).trim(), 16);
                skip(in, size);
                if (size > 0) {
                    readLine(in, false);
                }
            } while (size > 0);
            // Trailers end with an empty line.
            while (!readLine(in, false).isEmpty()) {
                // Nothing to keep.
            }
        } else {
            skip(in, contentLength);
        }
    }

    private static void skip(InputStream in, long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("Request body cut off");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    // A CRLF-terminated line in ISO-8859-1; null at a clean end of stream when allowed.
    private static String readLine(InputStream in, boolean endAllowed) throws IOException {
        StringBuilder line = new StringBuilder(64);
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (endAllowed && line.isEmpty()) {
                    return null;
                }
                throw new EOFException("Connection closed in the middle of a request");
            }
            if (line.length() >= MAX_LINE) {
                throw new IOException("Request line or header too long");
            }
            line.append((char) b);
        }
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            line.setLength(end - 1);
        }
        return line.toString();
    }

    /** The first path segment: the fixture a client asks for, such as {@code records-1000}. */
    String fixtureName() {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        int slash = trimmed.indexOf('/');
        String name = slash < 0 ? trimmed : trimmed.substring(0, slash);
        int query = name.indexOf('?');
        return (query < 0 ? name : name.substring(0, query)).toLowerCase(Locale.ROOT);
    }
}
