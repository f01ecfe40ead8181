package com.outcomedesk.bench;

import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.MonitorBenchFill;
import com.outcomedesk.store.MonitorTallies;
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
 * seconds, the heap pools' peak and the document's size.
 */
public final class MonitorBenchmark {
    /** What runs the monitor: {@code monitor --json} on the store under {@code home}, printing to {@code out}. */
    @FunctionalInterface
    public interface Monitor {
        int run(Path home, StringWriter out);
    }

    private MonitorBenchmark() {
    }

    /** How many appointments get an outcome edit and a new prediction between the last two runs. */
    static final int CHURN = 1_000;

    /**
     * Fills the store, brings its tallies up to date (as they would be on a store in use: timed apart, as
     * {@code tallySeconds}), runs the monitor twice, then edits {@value #CHURN} outcomes, saves as many predictions and
     * runs it once more. With {@code keep}, the store is left there for timing {@code monitor} from the shell.
     */
    public static Map<String, Object> run(long records, long seed, Path keep, Monitor monitor) throws IOException {
        Path dir = keep != null ? keep : Files.createTempDirectory("outcome-desk-bench-monitor");
        try {
            StoreLocation location = StoreLocation.of(dir.resolve("store"), null);
            Map<String, Object> result = new LinkedHashMap<>();
            long t = System.nanoTime();
            OffsetDateTime now;
            String site;
            try (SignIn.Session s = SignIn.withoutAccounts(location)) {
                now = s.engine().stamper().now();
                site = s.engine().stamper().siteId();
                new MonitorBenchFill(s.engine().database()).fill(records, seed, LocalDate.now(ZoneOffset.UTC), now, site,
                        n -> { });
                result.put("records", records);
                result.put("rows", 2 * records);
                result.put("fillSeconds", ImportBenchmark.round((System.nanoTime() - t) / 1e9));
                t = System.nanoTime();
                new MonitorTallies(s.engine().database()).catchUp();
                result.put("tallySeconds", ImportBenchmark.round((System.nanoTime() - t) / 1e9));
            }
            result.put("storeMegabytes", ImportBenchmark.directoryBytes(location.home()) / 1_000_000);
            for (String run : new String[] {"", "Again", "AfterChurn"}) {
                if (run.equals("AfterChurn")) {
                    try (SignIn.Session s = SignIn.withoutAccounts(location)) {
                        new MonitorBenchFill(s.engine().database()).churn(records, CHURN, seed + 1, now, site);
                    }
                }
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
            if (keep == null) delete(dir);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
