package dev.ddbstreams.dynalite;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A dynalite server (a DynamoDB implementation on Node.js; npm {@code dynalite@4.0.0}, Apache-2.0) on a free loopback
 * port, for the life of one test class. It is installed with npm into {@code target/dynalite} the first time and
 * reused afterwards, so reruns work offline. Tests are skipped (a JUnit assumption) where {@code node} or {@code npm}
 * is not installed.
 */
final class Dynalite implements AutoCloseable {

    static final String VERSION = "4.0.0";
    private static final Path HOME = Path.of("target", "dynalite").toAbsolutePath();

    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Installs dynalite when needed and starts it; waits until it accepts connections. */
    static Dynalite start() throws IOException, InterruptedException {
        assumeTrue(runs("node", "--version") && runs("npm", "--version"), "node and npm are needed to run dynalite");
        Path script = HOME.resolve("node_modules/dynalite/cli.js");
        if (!Files.isRegularFile(script)) {
            install();
        }
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        // --createTableMs 0 and friends: tables change state at once, so a test never waits for the simulated delays.
        Process process = new ProcessBuilder("node", script.toString(), "--port", String.valueOf(port), "--host", "127.0.0.1",
                "--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0")
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve("dynalite.log").toFile())
                .start();
        Dynalite dynalite = new Dynalite(process, port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (!dynalite.accepts()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                dynalite.close();
                throw new IllegalStateException("dynalite did not start on port " + port + "; see " + HOME.resolve("dynalite.log"));
            }
            Thread.sleep(50);
        }
        return dynalite;
    }

    private static void install() throws IOException, InterruptedException {
        Files.createDirectories(HOME);
        Process npm = new ProcessBuilder(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error",
                "--prefix", HOME.toString(), "dynalite@" + VERSION))
                .redirectErrorStream(true)
                .redirectOutput(HOME.resolve("npm-install.log").toFile())
                .start();
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            npm.destroyForcibly();
            throw new IllegalStateException("npm install dynalite@" + VERSION + " failed; see " + HOME.resolve("npm-install.log"));
        }
    }

    private static boolean runs(String... command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(30, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean accepts() {
        try {
            new Socket(InetAddress.getLoopbackAddress(), port).close();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Where the server listens, such as {@code http://127.0.0.1:43567}. */
    URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Stops the server (its tables are in memory and go with it). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
