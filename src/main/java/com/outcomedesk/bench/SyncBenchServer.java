package com.outcomedesk.bench;

import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.ApiServer;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.store.StoreLocation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The OutcomeDesk Server of {@code bench-sync --transport http}, in a process of its own so that its peak memory is
 * measured apart from the two sites'. The benchmark starts it ({@link #start}); it opens the scratch store, enrols the
 * two sites, answers on a loopback port until its standard input closes, and then reports its peak resident memory.
 */
public final class SyncBenchServer implements AutoCloseable {
    private static final String PASSWORD_ENV = "OUTCOMEDESK_BENCH_DB_PASSWORD";

    private final Process process;
    private final BufferedReader out;
    final String url;
    final List<String> codes;

    private SyncBenchServer(Process process, BufferedReader out, String url, List<String> codes) {
        this.process = process;
        this.out = out;
        this.url = url;
        this.codes = codes;
    }

    /** Usage: {@code SyncBenchServer HOME JDBC_URL USER SITE...}; the password in {@value #PASSWORD_ENV}. */
    public static void main(String[] args) throws IOException {
        PrintStream answer = System.out;
        // The server's own log goes to the error stream; the standard output carries only the lines the benchmark reads.
        System.setOut(System.err);
        try (Engine hub = Engine.open(new StoreLocation(Path.of(args[0]), args[1], args[2], System.getenv(PASSWORD_ENV)));
             ApiServer api = ApiServer.start(hub, ServerOptions.loopbackHttp(0))) {
            answer.println("url http://127.0.0.1:" + api.port());
            for (int i = 3; i < args.length; i++) answer.println("code " + hub.sync().sites().add(args[i], Actor.localUser()).code());
            answer.println("ready");
            answer.flush();
            while (System.in.read() >= 0) {
                // Runs until the benchmark closes the pipe.
            }
        }
        answer.println("peakRssMb " + Memory.peakRssMb());
        answer.flush();
    }

    /** Starts the server on the store with the same heap limit as this process; enrols the named sites. */
    static SyncBenchServer start(Path home, String jdbcUrl, String user, String password, String... sites) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + (Runtime.getRuntime().maxMemory() >> 20) + "m", "-cp", System.getProperty("java.class.path"),
                SyncBenchServer.class.getName(), home.toString(), jdbcUrl, user));
        command.addAll(List.of(sites));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        if (password != null) pb.environment().put(PASSWORD_ENV, password);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String url = null;
        List<String> codes = new ArrayList<>();
        try {
            for (String line = out.readLine(); !"ready".equals(line); line = out.readLine()) {
                if (line == null) throw new IOException("The benchmark's server process ended before it was ready (exit "
                        + p.waitFor() + ")");
                if (line.startsWith("url ")) url = line.substring(4);
                else if (line.startsWith("code ")) codes.add(line.substring(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IOException("Interrupted while the server started", e);
        } catch (IOException e) {
            p.destroyForcibly();
            throw e;
        }
        return new SyncBenchServer(p, out, url, codes);
    }

    /** Stops the server and returns its peak resident memory in MB (-1 when it did not say). */
    long stop() throws IOException {
        process.getOutputStream().close();
        long peak = -1;
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.startsWith("peakRssMb ")) peak = Long.parseLong(line.substring(10).strip());
        }
        close();
        return peak;
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // Closed already, or the process is gone: either way it is told to stop.
        }
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
