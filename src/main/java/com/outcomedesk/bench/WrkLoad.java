package com.outcomedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The {@code /predict} load from wrk (Debian's package) instead of the in-process client: a separate native process
 * with its own event loop, so the CPU this process spends is the server's alone. wrk's Lua script cycles through the
 * same prepared request bodies and prints its summary as one JSON line.
 */
final class WrkLoad {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "WRK-RESULT ";

    private WrkLoad() {
    }

    /** wrk on the PATH, if installed. */
    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) return Optional.empty();
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "wrk");
            if (Files.isExecutable(candidate)) return Optional.of(candidate);
        }
        return Optional.empty();
    }

    static Map<String, Object> run(Path wrk, String predictUrl, String token, List<String> bodies, int clients, int seconds,
                                   Path dir) throws IOException, InterruptedException {
        Path script = dir.resolve("predict.lua");
        Files.writeString(script, script(token, bodies), StandardCharsets.UTF_8);
        int threads = Math.min(clients, Runtime.getRuntime().availableProcessors());
        List<String> command = List.of(wrk.toString(), "-t" + threads, "-c" + clients, "-d" + seconds + "s", "--timeout", "30s",
                "-s", script.toString(), predictUrl);
        long cpu = PredictLoad.processCpuNanos();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("wrk did not finish within " + (seconds + 60) + " s");
        }
        double serverCpu = (PredictLoad.processCpuNanos() - cpu) / 1e9;
        JsonNode r = output.lines().filter(l -> l.startsWith(MARK)).findFirst().map(WrkLoad::parse)
                .orElseThrow(() -> new IllegalStateException("wrk printed no result (exit " + p.exitValue() + "): " + output.strip()));
        double runSeconds = r.get("durationMicros").asLong() / 1e6;
        long requests = r.get("requests").asLong();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("clients", clients);
        doc.put("wrkThreads", threads);
        doc.put("seconds", Math.round(runSeconds * 100) / 100.0);
        doc.put("requests", requests);
        Map<String, Long> errors = new LinkedHashMap<>();
        for (String kind : List.of("status", "connect", "read", "write", "timeout")) {
            long n = r.get(kind).asLong();
            if (n > 0) errors.put(kind, n);
        }
        doc.put("errors", errors.values().stream().mapToLong(Long::longValue).sum());
        doc.put("errorsByKind", errors);
        doc.put("requestsPerSecond", Math.round(requests / runSeconds));
        Map<String, Object> latency = new LinkedHashMap<>();
        for (String q : List.of("p50", "p95", "p99", "max")) latency.put(q, r.get(q).asLong() / 1000.0);
        doc.put("latencyMs", latency);
        doc.put("serverCpuSeconds", Math.round(serverCpu * 100) / 100.0);
        doc.put("serverCpuMicrosPerRequest", requests == 0 ? null : Math.round(serverCpu * 1e6 / requests));
        doc.put("what", "wrk " + String.join(" ", command.subList(1, command.size() - 3)) + ", a separate process, HTTP/1.1 "
                + "keep-alive; serverCpu is this process's (the server's) alone; errors: non-2xx answers and socket errors");
        return doc;
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line.substring(MARK.length()));
        } catch (IOException e) {
            throw new IllegalStateException("wrk's result cannot be read: " + line, e);
        }
    }

    /** Bodies in Lua long brackets: the level is chosen so that no body can close them. */
    static String script(String token, List<String> bodies) {
        StringBuilder lua = new StringBuilder("local bodies = {\n");
        for (String body : bodies) {
            String eq = "=";
            while (body.contains("]" + eq + "]")) eq += "=";
            lua.append("  [").append(eq).append('[').append(body).append(']').append(eq).append("],\n");
        }
        lua.append("}\n")
                .append("wrk.method = \"POST\"\n")
                .append("wrk.headers[\"Content-Type\"] = \"application/json\"\n")
                .append("wrk.headers[\"Authorization\"] = \"Bearer ").append(token).append("\"\n")
                .append("local i = math.random(#bodies)\n")
                .append("request = function()\n  i = i % #bodies + 1\n  return wrk.format(nil, nil, nil, bodies[i])\nend\n")
                .append("done = function(summary, latency, requests)\n")
                .append("  io.write(string.format('").append(MARK).append("{\"requests\":%d,\"durationMicros\":%d,")
                .append("\"status\":%d,\"connect\":%d,\"read\":%d,\"write\":%d,\"timeout\":%d,")
                .append("\"p50\":%d,\"p95\":%d,\"p99\":%d,\"max\":%d}\\n',\n")
                .append("    summary.requests, summary.duration, summary.errors.status, summary.errors.connect,\n")
                .append("    summary.errors.read, summary.errors.write, summary.errors.timeout,\n")
                .append("    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max))\n")
                .append("end\n");
        return lua.toString();
    }
}
