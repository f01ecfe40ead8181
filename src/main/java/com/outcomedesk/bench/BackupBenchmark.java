package com.outcomedesk.bench;

import com.outcomedesk.backup.BackupKey;
import com.outcomedesk.backup.BackupManifest;
import com.outcomedesk.backup.BackupRestorer;
import com.outcomedesk.backup.BackupVerifier;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Backs up, verifies and restores a throwaway H2 store of N demo appointments (imported first, not timed), and reports
 * each step's time and rows per second, the backup's size beside the store's, and the heap pools' peaks. Run with the
 * heap capped to check the memory bound: {@code java -Xmx512m -jar target/outcome-desk.jar bench-backup --records N}.
 */
public final class BackupBenchmark {
    public static Map<String, Object> run(long records, long seed) throws IOException {
        Path dir = Files.createTempDirectory("outcome-desk-bench-backup");
        try {
            Path demo = dir.resolve("demo.json");
            DemoDataWriter.write(new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0.05),
                    records, demo, null, ProgressListener.NONE);
            StoreLocation location = StoreLocation.of(dir.resolve("store"), null);
            Path file = dir.resolve("bench.odbackup");
            Map<String, Object> result = new LinkedHashMap<>();
            BackupManifest m;
            try (SignIn.Session s = SignIn.withoutAccounts(location)) {
                s.engine().importer().importFile(demo, s.actor(), ProgressListener.NONE);
                Files.delete(demo);
                ImportBenchmark.resetPeaks();
                long t = System.nanoTime();
                m = s.engine().backup().backup(file, s.actor(), null, false, ProgressListener.NONE);
                step(result, "backup", t, m.rows());
            }
            result.put("storeMegabytes", mb(ImportBenchmark.directoryBytes(location.home())));
            result.put("backupMegabytes", mb(Files.size(file)));
            long t = System.nanoTime();
            BackupVerifier.Report report = new BackupVerifier(Clock.systemUTC()).verify(file, BackupKey.Unlock.NONE,
                    ProgressListener.NONE);
            step(result, "verify", t, m.rows());
            result.put("sound", report.sound());
            t = System.nanoTime();
            new BackupRestorer(Clock.systemUTC()).restore(file, StoreLocation.of(dir.resolve("restored"), null),
                    BackupKey.Unlock.NONE, false, ProgressListener.NONE);
            step(result, "restore", t, m.rows());
            result.put("records", records);
            result.put("rows", m.rows());
            result.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / 1_000_000);
            result.put("heapPoolPeaksSumMegabytes", ImportBenchmark.heapPoolPeaksMegabytes());
            result.put("targetSeconds", 60);
            return result;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void step(Map<String, Object> result, String name, long startNanos, long rows) {
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        result.put(name + "Seconds", ImportBenchmark.round(seconds));
        result.put(name + "RowsPerSecond", Math.round(rows / seconds));
    }

    private static double mb(long bytes) {
        return ImportBenchmark.round(bytes / 1e6);
    }
}
