package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.FaultyProxy;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Syncs through a proxy that cuts connections at random points; retried, they finish with nothing lost or doubled. */
@NeedsPostgres
class FaultInjectionTest {
    @TempDir Path dir;

    @Test
    void syncsCutAtRandomPointsResumeWithoutLossOrDuplicates() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            a.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, com.outcomedesk.common.ProgressListener.NONE);
            f.sync(a); // creates the server schema and shares a starting point
            f.sync(b);
            Random random = new Random(7);
            SiteOps.randomWork(a, random, 40);
            SiteOps.randomWork(b, random, 40);
            java.util.Set<Object> predictions = ids(a, "predictions");
            predictions.addAll(ids(b, "predictions"));
            java.util.Set<Object> audit = ids(a, "audit_log");
            audit.addAll(ids(b, "audit_log"));

            URI pg = URI.create(TestStores.PG_URL.substring("jdbc:".length()));
            try (FaultyProxy proxy = new FaultyProxy(pg.getHost(), pg.getPort(), 11, 30_000)) {
                ServerConfig viaProxy = new ServerConfig("jdbc:postgresql://127.0.0.1:" + proxy.port()
                        + pg.getPath() + "?currentSchema=" + f.schema, TestStores.PG_USER, null);
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    // Both sites sync at the same time, each retrying until one run completes.
                    Future<Integer> runsA = pool.submit(() -> syncUntilComplete(a, viaProxy));
                    Future<Integer> runsB = pool.submit(() -> syncUntilComplete(b, viaProxy));
                    int attempts = runsA.get() + runsB.get();
                    assertThat(proxy.cuts()).as("connections cut").isPositive();
                    assertThat(attempts).isGreaterThan(2);
                } finally {
                    pool.shutdownNow();
                }
            }
            f.syncUntilQuiet();

            Map<String, String> server = f.serverChecksum();
            assertThat(SyncFixture.checksum(a)).isEqualTo(server);
            assertThat(SyncFixture.checksum(b)).isEqualTo(server);
            assertThat(ids(a, "predictions")).isEqualTo(predictions);
            assertThat(ids(a, "audit_log")).isEqualTo(audit);
            assertThat(count(a, "audit_log")).isEqualTo(audit.size());
            try (Connection c = DriverManager.getConnection(f.url(), TestStores.PG_USER, null);
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT entity_id || ':' || loser_hlc || ':' "
                         + "|| loser_site) FROM sync_conflicts")) {
                rs.next();
                assertThat(rs.getLong(1)).as("duplicate conflicts").isZero();
            }
        }
    }

    /** Runs the engine with a small batch, so cuts land between many commits; returns the attempts used. */
    private static int syncUntilComplete(Engine site, ServerConfig config) {
        SyncEngine engine = new SyncEngine(site.database(), site.stamper().hlc(), 25);
        for (int attempt = 1; attempt <= 300; attempt++) {
            if (engine.run(config).complete()) return attempt;
        }
        throw new AssertionError("sync never completed through the faulty proxy");
    }

    static long count(Engine e, String table) {
        return e.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM " + table).mapTo(Long.class).one());
    }

    static java.util.Set<Object> ids(Engine e, String table) {
        return e.database().withConnection(c -> {
            java.util.Set<Object> ids = new java.util.HashSet<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM " + table)) {
                while (rs.next()) ids.add(rs.getObject(1));
            }
            return ids;
        });
    }

    static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
