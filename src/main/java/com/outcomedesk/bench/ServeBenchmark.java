package com.outcomedesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.server.ApiServer;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.limits.RateLimitSettings;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Load on the real HTTP server, started in this JVM on a loopback port over a throwaway H2 store filled with demo
 * appointments and a trained, active model: N clients call {@code POST /api/v1/predict} for a fixed time (after a
 * warm-up), then one {@code POST /api/v1/predict/batch} streams NDJSON rows, then, if asked, the predict load runs on
 * as a soak while the resident memory is sampled every ten seconds. The load generator shares the process (and the
 * cores) with the server; it keeps its latencies in fixed-size histograms so that the RSS measured is the server's.
 */
public final class ServeBenchmark {
    private static final String USER = "bench";
    private static final char[] PASSWORD = "Throwaway-Passw0rd-of-this-run".toCharArray();
    private static final long SEED = 42;
    private static final int DISTINCT_REQUESTS = 1_000;
    private static final Duration SOAK_SAMPLE = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Limits raised for the throwaway server so the limiter still runs on every request but never refuses one. */
    static final int RAISED_PER_MINUTE = 1_000_000_000;

    /** What to run; {@code storeRecords} demo appointments fill the store the model is trained on with {@code algorithm}. */
    public record Settings(int clients, int seconds, int warmupSeconds, long batchRows, int soakMinutes, long storeRecords,
                           TrainingRequest.Algorithm algorithm, boolean wrk) {
        public Settings {
            if (clients < 1 || clients > 1_024) throw new IllegalArgumentException("clients must be between 1 and 1024");
            if (seconds < 1 || warmupSeconds < 0) throw new IllegalArgumentException("seconds must be at least 1, warm-up not negative");
            if (batchRows < 0 || soakMinutes < 0) throw new IllegalArgumentException("batch rows and soak minutes must not be negative");
            if (storeRecords < 500) throw new IllegalArgumentException("the store needs at least 500 records to train on");
        }
    }

    private ServeBenchmark() {
    }

    public static Map<String, Object> run(Settings settings, Consumer<String> progress) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("outcome-desk-bench-serve");
        try {
            return run(settings, dir, progress);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static Map<String, Object> run(Settings settings, Path dir, Consumer<String> progress)
            throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        progress.accept("writing " + settings.storeRecords() + " demo appointments");
        Path demo = dir.resolve("demo.json");
        DemoDataWriter.write(generator(settings.storeRecords()), settings.storeRecords(), demo, null, ProgressListener.NONE);
        try (Engine engine = Engine.open(StoreLocation.of(dir.resolve("store"), null))) {
            Actor admin = engine.accounts().createFirstAdministrator(USER, PASSWORD.clone());
            progress.accept("importing");
            engine.importer().importFile(demo, admin, ProgressListener.NONE);
            progress.accept("training");
            TrainingService.TrainingResult model = engine.training().train(
                    new TrainingRequest(settings.algorithm(), 5, true, SEED, TrainingRequest.DEFAULT_BITS), admin,
                    ProgressListener.NONE);
            out.put("store", Map.of("appointments", settings.storeRecords(), "vendor", "H2, in a throwaway directory",
                    "model", Map.of("version", model.version(), "algorithm", model.algorithm(), "active", model.activated())));
            RateLimitSettings limits = RateLimitSettings.defaults().with(Budget.PREDICT, RAISED_PER_MINUTE)
                    .with(Budget.BATCH, RAISED_PER_MINUTE).with(Budget.SIGN_IN, RAISED_PER_MINUTE);
            Duration tokenLifetime = Duration.ofMinutes(60L + settings.soakMinutes());
            ServerOptions options = new ServerOptions("127.0.0.1", 0, true, null, null, ServerOptions.DEFAULT_MAX_BODY,
                    ServerOptions.DEFAULT_MAX_IMPORT, tokenLifetime, limits);
            out.put("rateLimits", "raised for this throwaway server through ServerOptions to " + RAISED_PER_MINUTE
                    + " a minute for predict, batch and sign-in (defaults " + RateLimitSettings.defaults().perMinute()
                    + "): the limiter still takes a permit on every request but never refuses one");
            AccessLogFile accessLog = AccessLogFile.redirect(dir.resolve("access.log"));
            try (ApiServer server = ApiServer.start(engine, options)) {
                out.putAll(load(settings, server.port(), dir, progress));
            } finally {
                out.put("accessLog", accessLog.restore());
            }
        }
        return out;
    }

    private static Map<String, Object> load(Settings settings, int port, Path dir, Consumer<String> progress)
            throws IOException, InterruptedException {
        Map<String, Object> out = new LinkedHashMap<>();
        String base = "http://127.0.0.1:" + port + "/api/v1";
        out.put("server", "Javalin in this JVM on 127.0.0.1:" + port + ", plain HTTP (loopback)");
        out.put("loadGenerator", "java.net.http.HttpClient, HTTP/1.1 keep-alive, " + settings.clients()
                + " client threads (one connection each) in the same JVM, sharing the cores with the server");
        out.put("processors", Runtime.getRuntime().availableProcessors());
        out.put("loadAverageAtStart", loadAverage());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
        String token = signIn(http, base);
        List<HttpRequest> requests = predictRequests(base, token, settings.storeRecords());
        Map<String, Object> rss = new LinkedHashMap<>();
        rss.put("afterStartMb", Memory.rssMb());
        if (settings.warmupSeconds() > 0) {
            progress.accept("warming up for " + settings.warmupSeconds() + " s");
            new PredictLoad(http, requests, settings.clients()).run(Duration.ofSeconds(settings.warmupSeconds()), null);
        }
        progress.accept(settings.clients() + " clients on /predict for " + settings.seconds() + " s");
        PredictLoad.Result predict = new PredictLoad(http, requests, settings.clients()).run(Duration.ofSeconds(settings.seconds()), null);
        Map<String, Object> predictDoc = new LinkedHashMap<>(predict.document());
        predictDoc.put("what", "closed loop: each client sends the next request when its answer is in; the server saves "
                + "each prediction and its audit entry, as for any caller");
        out.put("predict", predictDoc);
        rss.put("afterPredictMb", Memory.rssMb());
        if (settings.wrk()) {
            Path wrk = WrkLoad.find().orElseThrow(() -> new IllegalArgumentException(
                    "--wrk needs wrk on the PATH: install Debian's package (apt-get install wrk)"));
            progress.accept(settings.clients() + " wrk connections on /predict for " + settings.seconds() + " s");
            out.put("predictWrk", WrkLoad.run(wrk, base + "/predict", token, bodies(settings.storeRecords()), settings.clients(),
                    settings.seconds(), dir));
            rss.put("afterWrkMb", Memory.rssMb());
        }
        if (settings.batchRows() > 0) {
            progress.accept("batch of " + settings.batchRows() + " rows");
            out.put("batch", batch(http, base, token, settings.batchRows(), settings.storeRecords()));
            rss.put("afterBatchMb", Memory.rssMb());
        }
        if (settings.soakMinutes() > 0) {
            progress.accept("soak: " + settings.clients() + " clients on /predict for " + settings.soakMinutes() + " min");
            List<Map<String, Object>> curve = new ArrayList<>();
            PredictLoad.Result soak = new PredictLoad(http, requests, settings.clients())
                    .run(Duration.ofMinutes(settings.soakMinutes()), new PredictLoad.Sampler(SOAK_SAMPLE, (at, done) -> {
                        Map<String, Object> point = new LinkedHashMap<>();
                        point.put("atSeconds", at.toSeconds());
                        point.put("rssMb", Memory.rssMb());
                        point.put("heapUsedMb", Memory.heapUsedMb());
                        point.put("requests", done);
                        curve.add(point);
                    }));
            Map<String, Object> doc = new LinkedHashMap<>(soak.document());
            doc.put("minutes", settings.soakMinutes());
            doc.put("rssCurve", curve);
            out.put("soak", doc);
        }
        rss.put("peakMb", Memory.peakRssMb());
        out.put("rssMb", rss);
        out.put("rssIs", "VmRSS of this process (/proc/self/status): the server runs in-process, beside the load generator, "
                + "whose own memory is small and fixed; peakMb is VmHWM");
        out.put("loadAverageAtEnd", loadAverage());
        out.put("targetsMet", targetsMet(predict, out.get("batch"), out.get("predictWrk")));
        Map<String, Object> targets = new LinkedHashMap<>();
        targets.put("predictRequestsPerSecond", 5_000);
        targets.put("predictP99Ms", 20);
        targets.put("predictClients", 32);
        targets.put("predictErrors", 0);
        targets.put("batchRowsPerSecond", 200_000);
        out.put("targets", targets);
        return out;
    }

    /** Whether the figures reach the targets; the predict target is stated for 32 clients. */
    private static Map<String, Object> targetsMet(PredictLoad.Result predict, Object batch, Object wrk) {
        Map<String, Object> met = new LinkedHashMap<>();
        long errors = predict.errors().values().stream().mapToLong(Long::longValue).sum();
        met.put("predict", predict.requests() / predict.seconds() >= 5_000 && predict.latency().percentileNanos(0.99) <= 20_000_000
                && errors == 0);
        met.put("predictAtTargetClients", predict.clients() == 32);
        if (wrk instanceof Map<?, ?> w) {
            met.put("predictWrk", ((Number) w.get("requestsPerSecond")).longValue() >= 5_000 && ((Number) w.get("errors")).longValue() == 0
                    && ((Number) ((Map<?, ?>) w.get("latencyMs")).get("p99")).doubleValue() <= 20);
        }
        if (batch instanceof Map<?, ?> b) met.put("batch", ((Number) b.get("rowsPerSecond")).longValue() >= 200_000);
        return met;
    }

    private static DemoDataGenerator generator(long records) {
        return new DemoDataGenerator(SEED, DemoDataGenerator.defaultDoctorCount(records), 0.05);
    }

    private static String signIn(HttpClient http, String base) throws IOException, InterruptedException {
        String body = JSON.writeValueAsString(Map.of("user", USER, "password", new String(PASSWORD)));
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + "/auth/token"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("Sign-in to the benchmark server failed: " + r.body());
        return JSON.readTree(r.body()).get("token").asText();
    }

    /** Distinct appointments from the same doctors the model was trained on, each a ready request. */
    private static List<HttpRequest> predictRequests(String base, String token, long storeRecords) throws IOException {
        List<HttpRequest> requests = new ArrayList<>(DISTINCT_REQUESTS);
        for (String body : bodies(storeRecords)) {
            requests.add(HttpRequest.newBuilder(URI.create(base + "/predict")).timeout(Duration.ofSeconds(30))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }
        return requests;
    }

    private static List<String> bodies(long storeRecords) throws IOException {
        DemoDataGenerator generator = generator(storeRecords);
        List<String> bodies = new ArrayList<>(DISTINCT_REQUESTS);
        for (int i = 0; i < DISTINCT_REQUESTS; i++) {
            DemoRecord r = generator.next();
            Map<String, String> body = new LinkedHashMap<>();
            body.put("doctorId", r.doctorId());
            body.put("summary", r.summary());
            body.put("date", r.appointmentDate().toString());
            bodies.add(JSON.writeValueAsString(body));
        }
        return bodies;
    }

    /** One streamed NDJSON request of {@code rows} records, read back line by line; the time covers both directions. */
    private static Map<String, Object> batch(HttpClient http, String base, String token, long rows, long storeRecords)
            throws IOException, InterruptedException {
        List<byte[]> tails = new ArrayList<>();
        for (String body : bodies(storeRecords)) tails.add(("," + body.substring(1) + "\n").getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        long cpu = PredictLoad.processCpuNanos();
        BatchAnswer answer = DuplexBatch.send(URI.create(base + "/predict/batch"), token, new NdjsonRows(tails, rows));
        long lines = answer.lines();
        String last = answer.last();
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("rows", rows);
        doc.put("status", answer.status());
        JsonNode summary = last == null ? null : JSON.readTree(last).get("summary");
        long predicted = summary == null ? 0 : summary.get("predicted").asLong();
        doc.put("predicted", predicted);
        doc.put("rejected", summary == null ? rows : summary.get("rejected").asLong());
        doc.put("answerLines", lines);
        doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
        doc.put("rowsPerSecond", Math.round(predicted / seconds));
        doc.put("processCpuSeconds", Math.round((PredictLoad.processCpuNanos() - cpu) / 1e7) / 100.0);
        doc.put("what", "one request over a plain socket, NDJSON streamed in on one thread while the answers stream out on"
                + " another (the JDK HTTP client stops sending once an answer starts), timed from sending to the last line read");
        return doc;
    }

    /** The request body: {@code rows} lines, each a distinct id in front of one of the prepared appointments. */
    private static final class NdjsonRows extends InputStream {
        private final List<byte[]> tails;
        private final long rows;
        private long row;
        private byte[] line = new byte[0];
        private int at;

        NdjsonRows(List<byte[]> tails, long rows) {
            this.tails = tails;
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            int n = 0;
            while (n < len) {
                if (at == line.length) {
                    if (row == rows) break;
                    byte[] head = ("{\"id\":\"r" + row + "\"").getBytes(StandardCharsets.US_ASCII);
                    byte[] tail = tails.get((int) (row % tails.size()));
                    line = new byte[head.length + tail.length];
                    System.arraycopy(head, 0, line, 0, head.length);
                    System.arraycopy(tail, 0, line, head.length, tail.length);
                    at = 0;
                    row++;
                }
                int k = Math.min(len - n, line.length - at);
                System.arraycopy(line, at, b, off + n, k);
                at += k;
                n += k;
            }
            return n == 0 ? -1 : n;
        }
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** Errors counted by HTTP status, or "io" for a request that got no answer. */
    static Map<String, Long> byStatus(Map<Integer, Long> counts) {
        Map<String, Long> out = new TreeMap<>();
        counts.forEach((status, n) -> out.put(status == 0 ? "io" : String.valueOf(status), n));
        return out;
    }
}
