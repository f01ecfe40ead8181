package com.outcomedesk.bench;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.MonitorBenchFill;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Times {@code monitor --json} end to end (opening the store included) on a throwaway H2 store of N appointments with
 * outcomes and N saved predictions, filled in bulk first ({@link MonitorBenchFill}, not timed), and reports the
 * seconds, the heap pools' peak and the document's size. Run twice: the second run shows the cost without the
 * JVM's warm-up.
 */
public final class MonitorBenchmark {
    /** What runs the monitor: {@code monitor --json} on the store under {@code home}, printing to {@code out}. */
    @FunctionalInterface
    public interface Monitor {
        int run(Path home, StringWriter out);
    }

    private MonitorBenchmark() {
    }

    public static Map<String, Object> run(long records, long seed, Monitor monitor) throws IOException {
        Path dir = Files.createTempDirectory("outcome-desk-bench-monitor");
        try {
            StoreLocation location = StoreLocation.of(dir.resolve("store"), null);
            Map<String, Object> result = new LinkedHashMap<>();
            long t = System.nanoTime();
            try (SignIn.Session s = SignIn.withoutAccounts(location)) {
                OffsetDateTime now = s.engine().stamper().now();
                new MonitorBenchFill(s.engine().database()).fill(records, seed, LocalDate.now(ZoneOffset.UTC), now,
                        s.engine().stamper().siteId(), n -> { });
            }
            result.put("records", records);
            result.put("rows", 2 * records);
            result.put("fillSeconds", ImportBenchmark.round((System.nanoTime() - t) / 1e9));
            result.put("storeMegabytes", ImportBenchmark.directoryBytes(location.home()) / 1_000_000);
            for (String run : new String[] {"", "Again"}) {
                StringWriter out = new StringWriter();
                ImportBenchmark.resetPeaks();
                t = System.nanoTime();
                int code = monitor.run(location.home(), out);
                result.put("monitorSeconds" + run, ImportBenchmark.round((System.nanoTime() - t) / 1e9));
                result.put("heapPoolPeaksSumMegabytes" + run, ImportBenchmark.heapPoolPeaksMegabytes());
                result.put("exitCode" + run, code);
                result.put("documentKilobytes" + run, out.getBuffer().length() / 1000);
            }
            result.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / 1_000_000);
            result.put("targetSeconds", 5);
            return result;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
