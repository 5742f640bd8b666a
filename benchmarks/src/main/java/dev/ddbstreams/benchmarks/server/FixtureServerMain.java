package dev.ddbstreams.benchmarks.server;

import dev.ddbstreams.benchmarks.fixtures.Fixtures;
import java.io.IOException;

/**
 * Runs the fixture server in a JVM of its own, so the work of serving is not charged to the client under test.
 * Prints {@code LISTENING <port>} once ready and stops when its standard input closes, which happens when the
 * harness that started it exits, however it exits.
 */
public final class FixtureServerMain {

    /** The line prefix that announces the port. */
    public static final String READY = "LISTENING ";

    private FixtureServerMain() {}

    public static void main(String[] args) throws IOException {
        try (FixtureServer server = FixtureServer.start(Fixtures.all())) {
            System.out.println(READY + server.port());
            System.out.flush();
            while (System.in.read() >= 0) {
                // Wait for the harness to go away.
            }
        }
    }
}
