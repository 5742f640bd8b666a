package dev.ddbstreams.benchmarks.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The fixture server as a child JVM of the harness. */
public final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private ServerProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts the server on {@code classpath} and waits until it listens. A small heap and the serial collector:
     * the server allocates almost nothing per request and should leave the CPU to the client.
     */
    public static ServerProcess start(String classpath, Path log) throws IOException {
        return start(classpath, log, FixtureServerMain.class.getName(), "256m");
    }

    /**
     * Starts {@code mainClass} with a heap of {@code heap} as a server that prints {@link FixtureServerMain#READY}
     * and its port when it listens, and stops when its standard input closes.
     */
    public static ServerProcess start(String classpath, Path log, String mainClass, String heap, String... args)
            throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap,
                "-XX:+UseSerialGC", "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        if (line == null || !line.startsWith(FixtureServerMain.READY)) {
            process.destroyForcibly();
            throw new IOException("The fixture server did not start (see " + log + "): " + line);
        }
        return new ServerProcess(process, Integer.parseInt(line.substring(FixtureServerMain.READY.length()).trim()));
    }

    /** The base URI, such as {@code http://127.0.0.1:41234}. */
    public String baseUri() {
        return "http://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // Already gone.
        }
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
