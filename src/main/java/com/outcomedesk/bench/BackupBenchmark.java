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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Backs up, verifies and restores an H2 store, and reports for each step its wall and CPU time, rows per second and the
 * process's peak RSS during that step; then the backup's size beside the store's as it was and compacted. The store is
 * a throwaway one of N demo appointments (imported first, not timed), or an existing one given by its home (backed up
 * as {@code backup} does, which records the backup in its settings and audit trail), so a million-row run need not
 * import a million records first. Run with the heap capped to check the memory bound: {@code java -Xmx512m -jar
 * target/outcome-desk.jar bench-backup --records N} or {@code ... bench-backup --store DIR}.
 */
public final class BackupBenchmark {
    /** A store to back up (empty: make one of {@code records} demo records) and where the backup and restore go. */
    public record Options(long records, long seed, Optional<Path> home, Optional<Path> scratch) {
    }

    public static Map<String, Object> run(Options options) throws IOException {
        Path dir = options.scratch().isPresent()
                ? Files.createTempDirectory(Files.createDirectories(options.scratch().get()), "bench-backup")
                : Files.createTempDirectory("outcome-desk-bench-backup");
        try {
            StoreLocation location = StoreLocation.of(options.home().orElse(dir.resolve("store")), null);
            Path file = dir.resolve("bench.odbackup");
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("store", options.home().map(Path::toString).orElse("demo, " + options.records() + " records"));
            BackupManifest m;
            try (SignIn.Session s = SignIn.withoutAccounts(location)) {
                if (options.home().isEmpty()) {
                    Path demo = dir.resolve("demo.json");
                    DemoDataWriter.write(new DemoDataGenerator(options.seed(),
                            DemoDataGenerator.defaultDoctorCount(options.records()), 0.05), options.records(), demo, null,
                            ProgressListener.NONE);
                    s.engine().importer().importFile(demo, s.actor(), ProgressListener.NONE);
                    Files.delete(demo);
                }
                Step step = Step.start();
                m = s.engine().backup().backup(file, s.actor(), null, false, ProgressListener.NONE);
                step.put(result, "backup", m.rows());
            }
            result.put("rows", m.rows());
            result.put("appointments", m.tables().stream().filter(p -> p.table().equals("appointments"))
                    .mapToLong(BackupManifest.Part::rows).sum());
            result.put("storeMegabytes", mb(ImportBenchmark.directoryBytes(location.home())));
            result.put("backupMegabytes", mb(Files.size(file)));
            Step step = Step.start();
            BackupVerifier.Report report = new BackupVerifier(Clock.systemUTC()).verify(file, BackupKey.Unlock.NONE,
                    ProgressListener.NONE);
            step.put(result, "verify", m.rows());
            result.put("sound", report.sound());
            Path restored = dir.resolve("restored");
            step = Step.start();
            new BackupRestorer(Clock.systemUTC()).restore(file, StoreLocation.of(restored, null),
                    BackupKey.Unlock.NONE, false, ProgressListener.NONE);
            step.put(result, "restore", m.rows());
            result.put("restoredMegabytes", mb(ImportBenchmark.directoryBytes(restored)));
            // The restored store holds the same rows as the one backed up: compacted, it is the size to compare with.
            result.put("compactedStoreMegabytes", mb(compactedBytes(StoreLocation.of(restored, null))));
            result.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / 1_000_000);
            result.put("targetSeconds", 60);
            return result;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long compactedBytes(StoreLocation location) throws IOException {
        try (Connection c = DriverManager.getConnection(location.jdbcUrl(), "", "");
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN COMPACT");
        } catch (SQLException e) {
            throw new IOException("Cannot compact the restored store: " + e.getMessage(), e);
        }
        return ImportBenchmark.directoryBytes(location.home());
    }

    /**
     * One timed step: wall and process CPU time, and the peak RSS while it ran. Linux keeps the peak in VmHWM and resets
     * it to the current RSS when 5 is written to clear_refs; elsewhere the peak is not reported.
     */
    private record Step(long wallNanos, long cpuNanos, boolean peakReset) {
        static Step start() {
            boolean reset;
            try {
                Files.writeString(Path.of("/proc/self/clear_refs"), "5");
                reset = true;
            } catch (IOException | RuntimeException e) {
                reset = false;
            }
            return new Step(System.nanoTime(), processCpuNanos(), reset);
        }

        void put(Map<String, Object> result, String name, long rows) {
            double seconds = (System.nanoTime() - wallNanos) / 1e9;
            result.put(name + "Seconds", ImportBenchmark.round(seconds));
            result.put(name + "CpuSeconds", ImportBenchmark.round((processCpuNanos() - cpuNanos) / 1e9));
            result.put(name + "RowsPerSecond", Math.round(rows / seconds));
            if (peakReset) peakRssKilobytes().ifPresent(kb -> result.put(name + "PeakRssMegabytes", Math.round(kb / 1000.0)));
        }

        private static long processCpuNanos() {
            return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os.getProcessCpuTime() : 0;
        }

        private static Optional<Long> peakRssKilobytes() {
            try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
                return lines.filter(l -> l.startsWith("VmHWM:"))
                        .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst();
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        }
    }

    private static double mb(long bytes) {
        return ImportBenchmark.round(bytes / 1e6);
    }

    private BackupBenchmark() {
    }
}
