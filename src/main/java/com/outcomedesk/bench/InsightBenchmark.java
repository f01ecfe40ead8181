package com.outcomedesk.bench;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseInsights;
import com.outcomedesk.insight.DiseaseProfiles;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.Vendor;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.Comparator;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Times the two insight jobs on throwaway H2 stores: ranking N appointments (the GROUP BY plus the statistics)
 * and profiling diseases over M appointments (one streaming pass). Populating is set-based SQL and not timed.
 * The stores drop the appointments' foreign keys and the ranking store every index but the one the ranking
 * uses, so that populating is quick; the profiling store repeats 20,000 generated demo summaries, each row
 * still extracted on its own. Both jobs run once on the empty store first, so class loading is not timed.
 */
public final class InsightBenchmark {
    private static final int DOCTORS = 400;
    private static final int CHUNK = 1_000_000;
    private static final int DISTINCT_SUMMARIES = 20_000;
    private static final String STAMP = "TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'";

    /** Timings in seconds; {@code *CpuSeconds} is the process CPU time over the same span (the machine may be shared). */
    public record Ranking(long records, int doctors, double populateSeconds, double rankingSeconds, double rankingCpuSeconds) {
    }

    public record Profiling(long records, int diseases, int groups, double populateSeconds, double profileSeconds,
                            double profileCpuSeconds, double clusterSeconds) {
    }

    private InsightBenchmark() {
    }

    public static Ranking ranking(long records, Consumer<String> progress) {
        return inTemporaryStore(engine -> {
            Database db = engine.database();
            engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
            long start = System.nanoTime();
            dropForeignKeys(db);
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    for (String index : appointmentIndexes(c)) s.execute("DROP INDEX \"" + index + "\"");
                    s.execute("INSERT INTO doctors (doctor_id, created_at) SELECT 'dr_' || LPAD(X, 3, '0'), " + STAMP
                            + " FROM SYSTEM_RANGE(0, " + (DOCTORS - 1) + ")");
                    for (long from = 1; from <= records; from += CHUNK) {
                        long to = Math.min(records, from + CHUNK - 1);
                        s.execute("INSERT INTO appointments (id, doctor_id, summary, outcome_category, outcome_source,"
                                + " created_at, created_by, updated_at, updated_by, site_id, row_version, hlc, deleted)"
                                + " SELECT CAST(LPAD(TO_CHAR(X, 'FMXXXXXXXXXXXX'), 32, '0') AS UUID),"
                                + " 'dr_' || LPAD(MOD(X * 7919, " + DOCTORS + "), 3, '0'), '', " + category() + ", 'mapped', "
                                + STAMP + ", 'bench', " + STAMP + ", 'bench', 'bench', 1, X, FALSE"
                                + " FROM SYSTEM_RANGE(" + from + ", " + to + ")");
                        progress.accept("inserted " + to + " of " + records);
                    }
                    progress.accept("indexing");
                    s.execute("CREATE INDEX idx_appointments_doctor_outcome ON appointments (doctor_id, outcome_category, deleted)");
                }
                return null;
            });
            double populate = seconds(start);
            progress.accept("ranking");
            start = System.nanoTime();
            long cpu = processCpuNanos();
            DoctorReport report = engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
            double ranking = seconds(start);
            double rankingCpu = (processCpuNanos() - cpu) / 1e9;
            return new Ranking(report.rows().stream().mapToLong(DoctorRow::cases).sum(), report.rows().size(), populate,
                    ranking, rankingCpu);
        });
    }

    /** A category from a hash of the row number, shifted per doctor so that rates differ between doctors. */
    private static String category() {
        String u = "MOD(X * 2654435761 + MOD(X * 7919, " + DOCTORS + ") * 37, 1000)";
        return "CASE WHEN " + u + " < 150 THEN 'excellent' WHEN " + u + " < 450 THEN 'good' WHEN " + u
                + " < 650 THEN 'neutral' WHEN " + u + " < 850 THEN 'poor' ELSE 'critical' END";
    }

    public static Profiling profiling(long records, long seed, Consumer<String> progress) {
        return inTemporaryStore(engine -> {
            Database db = engine.database();
            engine.diseases().atlas(engine.diseases().profiles(), DiseaseInsights.DEFAULT_MIN_MENTIONS, DiseaseInsights.DEFAULT_SEED);
            long start = System.nanoTime();
            dropForeignKeys(db);
            DemoDataGenerator generator = new DemoDataGenerator(seed, 40, 0.05);
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("CREATE LOCAL TEMPORARY TABLE bench_summaries (n INT PRIMARY KEY, doctor_id VARCHAR(100),"
                            + " summary VARCHAR(20000), category VARCHAR(16))");
                }
                try (PreparedStatement doctor = c.prepareStatement("INSERT INTO doctors (doctor_id, created_at) VALUES (?, " + STAMP + ")")) {
                    for (var d : generator.doctors()) {
                        doctor.setString(1, d.id());
                        doctor.addBatch();
                    }
                    doctor.executeBatch();
                }
                try (PreparedStatement row = c.prepareStatement("INSERT INTO bench_summaries VALUES (?, ?, ?, ?)")) {
                    for (int i = 0; i < DISTINCT_SUMMARIES; i++) {
                        DemoRecord r = generator.next();
                        row.setInt(1, i);
                        row.setString(2, r.doctorId());
                        row.setString(3, r.summary());
                        row.setString(4, r.outcome() == null ? null : r.trueCategory().code());
                        row.addBatch();
                    }
                    row.executeBatch();
                }
                try (Statement s = c.createStatement()) {
                    for (long from = 1; from <= records; from += CHUNK) {
                        long to = Math.min(records, from + CHUNK - 1);
                        s.execute("INSERT INTO appointments (id, doctor_id, summary, outcome_category, outcome_source,"
                                + " created_at, created_by, updated_at, updated_by, site_id, row_version, hlc, deleted)"
                                + " SELECT CAST(LPAD(TO_CHAR(X, 'FMXXXXXXXXXXXX'), 32, '0') AS UUID), b.doctor_id, b.summary,"
                                + " b.category, 'mapped', " + STAMP + ", 'bench', " + STAMP + ", 'bench', 'bench', 1, X, FALSE"
                                + " FROM SYSTEM_RANGE(" + from + ", " + to + ") JOIN bench_summaries b ON b.n = MOD(X, "
                                + DISTINCT_SUMMARIES + ")");
                        progress.accept("inserted " + to + " of " + records);
                    }
                }
                return null;
            });
            double populate = seconds(start);
            progress.accept("profiling");
            start = System.nanoTime();
            long cpu = processCpuNanos();
            DiseaseProfiles profiles = engine.diseases().profiles();
            double profile = seconds(start);
            double profileCpu = (processCpuNanos() - cpu) / 1e9;
            start = System.nanoTime();
            DiseaseAtlas atlas = engine.diseases().atlas(profiles, DiseaseInsights.DEFAULT_MIN_MENTIONS, DiseaseInsights.DEFAULT_SEED);
            double cluster = seconds(start);
            return new Profiling(profiles.scanned(), atlas.profiles().size(), atlas.groups().size(), populate, profile, profileCpu,
                    cluster);
        });
    }

    /** The appointments' own secondary indexes, read from the schema so that new migrations cannot break the bench. */
    private static java.util.List<String> appointmentIndexes(java.sql.Connection c) throws java.sql.SQLException {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Statement s = c.createStatement(); java.sql.ResultSet rows = s.executeQuery("SELECT INDEX_NAME FROM"
                + " INFORMATION_SCHEMA.INDEXES WHERE TABLE_NAME = 'APPOINTMENTS' AND INDEX_NAME LIKE 'IDX\\_APPOINTMENTS\\_%'")) {
            while (rows.next()) names.add(rows.getString(1));
        }
        return names;
    }

    private static void dropForeignKeys(Database db) {
        db.withConnection(c -> {
            java.util.List<String> names = new java.util.ArrayList<>();
            try (Statement s = c.createStatement(); java.sql.ResultSet rows = s.executeQuery("SELECT CONSTRAINT_NAME FROM"
                    + " INFORMATION_SCHEMA.TABLE_CONSTRAINTS WHERE TABLE_NAME = 'APPOINTMENTS' AND CONSTRAINT_TYPE = 'FOREIGN KEY'")) {
                while (rows.next()) names.add(rows.getString(1));
            }
            try (Statement s = c.createStatement()) {
                for (String name : names) s.execute("ALTER TABLE appointments DROP CONSTRAINT \"" + name + "\"");
            }
            return null;
        });
    }

    private static <T> T inTemporaryStore(java.util.function.Function<Engine, T> work) {
        Path dir;
        try {
            dir = Files.createTempDirectory("outcome-desk-bench");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary directory for the benchmark store", e);
        }
        try {
            StoreLocation location = StoreLocation.of(dir, null);
            if (location.vendor() != Vendor.H2) throw new IllegalStateException("The benchmark runs on a temporary H2 store");
            try (Engine engine = Engine.open(location)) {
                return work.apply(engine);
            }
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot remove the benchmark store " + dir, e);
        }
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
