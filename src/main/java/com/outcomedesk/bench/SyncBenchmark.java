package com.outcomedesk.bench;

import com.outcomedesk.common.Actor;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.sync.SyncEngine;
import com.outcomedesk.sync.SyncException;
import com.outcomedesk.sync.SyncReport;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.H2PageCache;
import com.outcomedesk.store.SetAsideIndexes;
import com.outcomedesk.store.StoreLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Measures sync throughput: site A pushes N generated appointments to a scratch schema on the server,
 * then a fresh site B pulls them all. Both sites are throw-away H2 stores; the schema is dropped afterwards.
 */
public final class SyncBenchmark {

    /**
     * One transport's figures. {@code peakRssMb} is this process's high-water resident memory (VmHWM) after the run:
     * both sites share it. Over HTTP the OutcomeDesk Server runs in a process of its own ({@link SyncBenchServer}) with
     * the same heap limit, and {@code serverPeakRssMb} is its high-water mark (-1 for a direct run).
     */
    public record Result(String transport, long records, long pushMs, double pushedPerSecond, long pullMs,
                         double pulledPerSecond, long maxHeapMb, long usedHeapAfterMb, long peakRssMb,
                         long serverPeakRssMb, int batch, String server) {
    }

    /** How the sites reach the server: a PostgreSQL login of their own, or the OutcomeDesk Server's sync API. */
    public enum Transport { DIRECT, HTTP }

    private SyncBenchmark() {
    }

    public static Result run(ServerConfig server, long records, long seed, Transport transport) {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Path dir;
        try {
            dir = Files.createTempDirectory("outcome-desk-bench-sync");
        } catch (IOException e) {
            throw new SyncException("Cannot create a temporary directory for the benchmark: " + e.getMessage(), e);
        }
        ServerConfig scratch = SyncBenchmarkSql.createScratchSchema(server, schema);
        try (Engine a = Engine.open(StoreLocation.of(dir.resolve("a"), null));
             Engine b = Engine.open(StoreLocation.of(dir.resolve("b"), null))) {
            generate(a, records, seed);
            SyncReport push;
            SyncReport pull;
            long serverPeakRssMb = -1;
            if (transport == Transport.HTTP) {
                try (SyncBenchServer hub = SyncBenchServer.start(dir.resolve("server"), scratch.url(), scratch.user(),
                        scratch.password(), "bench-a", "bench-b")) {
                    Actor admin = Actor.localUser();
                    a.sync().enroll(hub.url, hub.codes.get(0), false, admin);
                    b.sync().enroll(hub.url, hub.codes.get(1), false, admin);
                    push = a.sync().sync(1);
                    pull = b.sync().sync(1);
                    serverPeakRssMb = hub.stop();
                } catch (IOException e) {
                    throw new SyncException("The benchmark's server did not run: " + e.getMessage(), e);
                }
            } else {
                push = a.sync().sync(scratch, 1);
                pull = b.sync().sync(scratch, 1);
            }
            if (!push.complete() || !pull.complete()) throw new SyncException("The benchmark sync did not complete: "
                    + (push.complete() ? pull : push).message());
            long pulled = pull.pulledByTable().getOrDefault("appointments", 0L);
            if (push.pushedByTable().get("appointments") != records || pulled != records) {
                throw new SyncException("The benchmark moved " + push.pushedByTable().get("appointments") + " / "
                        + pulled + " appointments instead of " + records);
            }
            Runtime rt = Runtime.getRuntime();
            return new Result(transport.name().toLowerCase(java.util.Locale.ROOT), records, push.pushMs(),
                    rate(records, push.pushMs()), pull.pullMs(), rate(records, pull.pullMs()), rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20, Memory.peakRssMb(), serverPeakRssMb, SyncEngine.DEFAULT_BATCH,
                    server.displayName());
        } finally {
            SyncBenchmarkSql.dropScratchSchema(server, schema);
            deleteTree(dir);
        }
    }

    private static double rate(long records, long ms) {
        return ms == 0 ? records * 1000.0 : records * 1000.0 / ms;
    }

    /**
     * Writes N appointments straight into the store, stamped as local changes of site A. Not measured: the rows go in
     * as a bulk load does (indexes set aside, a wide page cache), else a million took longer than their sync.
     */
    private static void generate(Engine engine, long records, long seed) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, DemoDataGenerator.defaultDoctorCount(records), 0.2);
        engine.database().withConnection(c -> {
            c.setAutoCommit(false);
            try (H2PageCache cache = H2PageCache.widen(c);
                 PreparedStatement doctor = c.prepareStatement(SyncBenchmarkSql.INSERT_DOCTOR);
                 PreparedStatement ps = c.prepareStatement(SyncBenchmarkSql.INSERT_APPOINTMENT)) {
                SetAsideIndexes aside = SetAsideIndexes.pays(c, "appointments", records)
                        ? SetAsideIndexes.of(c, "appointments") : null;
                OffsetDateTime now = OffsetDateTime.now();
                generator.doctors().forEach(d -> {
                    try {
                        doctor.setString(1, d.id());
                        doctor.setObject(2, now);
                        doctor.executeUpdate();
                    } catch (SQLException e) {
                        throw new SyncException("Cannot write benchmark doctors: " + e.getMessage(), e);
                    }
                });
                for (long i = 0; i < records; i++) {
                    DemoRecord r = generator.next();
                    ps.setObject(1, UUID.randomUUID());
                    ps.setString(2, r.id());
                    ps.setString(3, r.doctorId());
                    ps.setString(4, r.patientRef());
                    ps.setObject(5, r.appointmentDate());
                    ps.setString(6, r.summary());
                    ps.setString(7, r.outcome());
                    ps.setObject(8, now);
                    ps.setString(9, "bench");
                    ps.setObject(10, now);
                    ps.setString(11, "bench");
                    ps.setString(12, engine.stamper().siteId());
                    ps.setLong(13, engine.stamper().tick());
                    ps.addBatch();
                    if (i % 5_000 == 4_999) {
                        ps.executeBatch();
                        c.commit();
                    }
                }
                ps.executeBatch();
                c.commit();
                if (aside != null) aside.restore();
            }
            return null;
        });
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // A leftover temporary directory is harmless.
        }
    }
}
