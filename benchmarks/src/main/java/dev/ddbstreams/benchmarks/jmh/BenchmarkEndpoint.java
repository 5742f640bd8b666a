package dev.ddbstreams.benchmarks.jmh;

import dev.ddbstreams.benchmarks.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;

/**
 * Where the end-to-end benchmarks find the fixture server: the harness starts one server JVM for the whole run and
 * passes its address in {@value #PROPERTY}; a JMH run started by hand without it gets a server JVM of its own.
 */
final class BenchmarkEndpoint implements AutoCloseable {

    static final String PROPERTY = "ddbstreams.bench.endpoint";

    private final String baseUri;
    private final ServerProcess ownServer;

    private BenchmarkEndpoint(String baseUri, ServerProcess ownServer) {
        this.baseUri = baseUri;
        this.ownServer = ownServer;
    }

    static BenchmarkEndpoint resolve() throws IOException {
        String configured = System.getProperty(PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new BenchmarkEndpoint(configured, null);
        }
        ServerProcess server = ServerProcess.start(System.getProperty("java.class.path"),
                Files.createTempFile("fixture-server", ".log"));
        return new BenchmarkEndpoint(server.baseUri(), server);
    }

    String baseUri() {
        return baseUri;
    }

    @Override
    public void close() throws InterruptedException {
        if (ownServer != null) {
            ownServer.close();
        }
    }
}
