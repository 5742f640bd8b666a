package dev.ddbstreams.benchmarks.server;

import dev.ddbstreams.benchmarks.fixtures.Fixture;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A keep-alive HTTP/1.1 server on 127.0.0.1 that answers every request with a prepared fixture: the one named by
 * the first path segment, provided {@code X-Amz-Target} names that fixture's operation.
 *
 * <p>Blocking sockets with a thread per connection: each benchmark thread keeps one connection busy, so this is the
 * cheapest way to serve it, and a cheap server leaves more of the shared CPU to the client being measured.
 */
public final class FixtureServer implements Closeable {

    private static final String TARGET_PREFIX = "DynamoDBStreams_20120810.";
    private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, Fixture> fixtures = new HashMap<>();
    private final Map<String, PreparedResponse> responses = new HashMap<>();
    private final ServerSocket serverSocket;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Binds an ephemeral port on 127.0.0.1 and starts accepting connections. */
    public static FixtureServer start(List<Fixture> fixtures) throws IOException {
        return new FixtureServer(fixtures, 0);
    }

    private FixtureServer(List<Fixture> fixtures, int port) throws IOException {
        for (Fixture fixture : fixtures) {
            this.fixtures.put(fixture.name(), fixture);
            responses.put(fixture.name(), PreparedResponse.ok(fixture.body()));
        }
        serverSocket = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "fixture-server-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The port it listens on. */
    public int port() {
        return serverSocket.getLocalPort();
    }

    /** The base URI a client's endpoint override starts with, such as {@code http://127.0.0.1:41234}. */
    public String baseUri() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        serverSocket.close();
        for (Socket connection : connections) {
            connection.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = serverSocket.accept();
                socket.setTcpNoDelay(true);
                connections.add(socket);
                Thread worker = new Thread(() -> serve(socket), "fixture-server-" + socket.getPort());
                worker.setDaemon(true);
                worker.start();
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("fixture server: accept failed: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            OutputStream out = socket.getOutputStream();
            RequestHead request;
            while ((request = RequestHead.read(in)) != null) {
                if (request.expectContinue()) {
                    out.write(CONTINUE);
                }
                request.skipBody(in);
                out.write(responseTo(request).bytes());
                out.flush();
                if (request.close()) {
                    return;
                }
            }
        } catch (SocketException e) {
            // The client went away, or we are closing: either way this connection is over.
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                System.err.println("fixture server: connection failed: " + e);
            }
        } finally {
            connections.remove(socket);
        }
    }

    private PreparedResponse responseTo(RequestHead request) {
        if (!request.method().equals("POST")) {
            return PreparedResponse.error(400, "Bad Request", "ValidationException",
                    "Only POST is supported, not " + request.method());
        }
        Fixture fixture = fixtures.get(request.fixtureName());
        if (fixture == null) {
            return PreparedResponse.error(400, "Bad Request", "ResourceNotFoundException",
                    "No fixture at " + request.path() + "; known: " + fixtures.keySet());
        }
        String expectedTarget = TARGET_PREFIX + fixture.operation();
        if (!expectedTarget.equals(request.target())) {
            return PreparedResponse.error(400, "Bad Request", "ValidationException",
                    "Fixture " + fixture.name() + " answers " + expectedTarget + ", not " + request.target());
        }
        return responses.get(fixture.name());
    }
}
