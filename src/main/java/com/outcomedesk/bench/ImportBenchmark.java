package com.outcomedesk.bench;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.security.Actor;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.transfer.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Measures import of N demo records, written to a JSON file first, into a fresh embedded store in a temporary
 * directory that is removed afterwards. Generating the file is timed apart from the import.
 */
public final class ImportBenchmark {

    private ImportBenchmark() {
    }

    public static Map<String, Object> run(long records, long seed) throws IOException {
        Path dir = Files.createTempDirectory("outcome-desk-bench");
        try {
            Path file = dir.resolve("demo.json");
            long t0 = System.nanoTime();
            DemoDataWriter.write(new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0.05),
                    records, file, null, ProgressListener.NONE);
            long generated = System.nanoTime();
            try (Engine engine = Engine.open(StoreLocation.of(dir.resolve("store"), null))) {
                resetPeaks();
                long start = System.nanoTime();
                ImportReport report = engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("records", records);
                result.put("fileMegabytes", Files.size(file) / 1_000_000);
                result.put("generateSeconds", round((generated - t0) / 1e9));
                result.put("importSeconds", round(seconds));
                result.put("recordsPerSecond", Math.round(report.imported() / seconds));
                result.put("imported", report.imported());
                result.put("rejected", report.rejectedTotal());
                result.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / 1_000_000);
                // Sum of each heap pool's own peak: an upper bound on the peak heap in use (pools peak at different times).
                result.put("heapPoolPeaksSumMegabytes", heapPoolPeaksMegabytes());
                result.put("targetSeconds", 60);
                return result;
            }
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long heapPoolPeaksMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1_000_000;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
