package com.outcomedesk.bench;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.common.ProgressListener;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.OperatingSystemMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Measures import of N demo records, written to a JSON file first, into a fresh embedded store in a temporary
 * directory that is removed afterwards. Generating the file is timed apart from the import. When encrypted, the
 * store is set up as {@code init} does (an administrator, the files encrypted) and the import runs signed in. CPU
 * and bytes written cover the import alone (all threads, the store's background writer too); the store size is
 * measured after it is closed.
 */
public final class ImportBenchmark {
    private static final String ADMIN = "bench";
    private static final char[] PASSWORD = "Throwaway-Passw0rd-of-this-run".toCharArray();

    public static Map<String, Object> run(long records, long seed, boolean encrypted) throws IOException {
        Path dir = Files.createTempDirectory("outcome-desk-bench");
        try {
            Path file = dir.resolve("demo.json");
            long t0 = System.nanoTime();
            DemoDataWriter.write(new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0.05),
                    records, file, null, ProgressListener.NONE);
            long generated = System.nanoTime();
            StoreLocation location = StoreLocation.of(dir.resolve("store"), null);
            if (encrypted) SignIn.initialize(location, ADMIN, PASSWORD);
            Map<String, Object> result = new LinkedHashMap<>();
            try (SignIn.Session session = encrypted ? SignIn.signIn(location, ADMIN, PASSWORD)
                    : SignIn.withoutAccounts(location)) {
                resetPeaks();
                long cpu = processCpuNanos();
                Optional<long[]> io = readAndWritten();
                long start = System.nanoTime();
                ImportReport report = session.engine().importer().importFile(file, session.actor(), ProgressListener.NONE);
                double seconds = (System.nanoTime() - start) / 1e9;
                result.put("records", records);
                result.put("encrypted", encrypted);
                result.put("fileMegabytes", Files.size(file) / 1_000_000);
                result.put("generateSeconds", round((generated - t0) / 1e9));
                result.put("importSeconds", round(seconds));
                result.put("importCpuSeconds", round((processCpuNanos() - cpu) / 1e9));
                result.put("recordsPerSecond", Math.round(report.imported() / seconds));
                result.put("imported", report.imported());
                result.put("rejected", report.rejectedTotal());
                io.ifPresent(before -> readAndWritten().ifPresent(after -> {
                    result.put("readMegabytes", (after[0] - before[0]) / 1_000_000);
                    result.put("writtenMegabytes", (after[1] - before[1]) / 1_000_000);
                }));
                result.put("maxHeapMegabytes", Runtime.getRuntime().maxMemory() / 1_000_000);
                // Sum of each heap pool's own peak: an upper bound on the peak heap in use (pools peak at different times).
                result.put("heapPoolPeaksSumMegabytes", heapPoolPeaksMegabytes());
                result.put("targetSeconds", 60);
            }
            result.put("storeMegabytes", directoryBytes(location.home()) / 1_000_000);
            return result;
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
    }

    /**
     * Bytes this process has read and written through file calls, cached or not (Linux /proc/self/io rchar and
     * wchar), where the system tells: the store's read and write amplification. Reads include the two passes over
     * the file being imported.
     */
    private static Optional<long[]> readAndWritten() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/io"))) {
            Map<String, Long> io = new LinkedHashMap<>();
            lines.map(l -> l.split(":\\s*")).forEach(kv -> io.put(kv[0], Long.parseLong(kv[1].trim())));
            return Optional.of(new long[] {io.get("rchar"), io.get("wchar")});
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static long directoryBytes(Path home) throws IOException {
        try (Stream<Path> files = Files.walk(home)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    static long heapPoolPeaksMegabytes() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / 1_000_000;
    }

    private ImportBenchmark() {
    }

    static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
