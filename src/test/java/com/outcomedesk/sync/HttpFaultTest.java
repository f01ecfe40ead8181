package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.FaultyProxy;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sync proofs over the OutcomeDesk Server: two sites syncing at once through a proxy that cuts the HTTP
 * connections at random points, and a site process killed outright mid-run, finish with nothing lost or doubled.
 */
@NeedsPostgres
class HttpFaultTest {
    @TempDir Path dir;

    /** The child process: syncs the enrolled store at args[0] through the server in batches of five. */
    public static void main(String[] args) {
        try (Engine site = Engine.open(TestStores.h2(Path.of(args[0])))) {
            new SyncEngine(site.database(), site.stamper().hlc(), 5)
                    .run(HttpServerSide.target(site.sync().login().orElseThrow()));
        }
    }

    @Test
    void syncsCutAtRandomPointsResumeWithoutLossOrDuplicates() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Engine a = f.site("clinic-a");
            Engine b = f.site("clinic-b");
            a.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, ProgressListener.NONE);
            f.sync(a);
            f.sync(b);
            Random random = new Random(7);
            SiteOps.randomWork(a, random, 200);
            SiteOps.randomWork(b, random, 200);
            Set<Object> predictions = FaultInjectionTest.ids(a, "predictions");
            predictions.addAll(FaultInjectionTest.ids(b, "predictions"));

            try (FaultyProxy proxy = new FaultyProxy("127.0.0.1", f.server.port(), 11, 60_000)) {
                URI via = URI.create("http://127.0.0.1:" + proxy.port());
                ExecutorService pool = Executors.newFixedThreadPool(2);
                try {
                    Future<Integer> runsA = pool.submit(() -> syncUntilComplete(a, via));
                    Future<Integer> runsB = pool.submit(() -> syncUntilComplete(b, via));
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
            assertThat(FaultInjectionTest.ids(a, "predictions")).isEqualTo(predictions);
            assertThat(duplicateConflicts(f)).isZero();
        }
    }

    @Test
    void aSiteKilledMidSyncIsFinishedByTheNextRun() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Path home = dir.resolve("killed");
            long expected;
            try (Engine site = Engine.open(TestStores.h2(home))) {
                site.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, ProgressListener.NONE);
                SiteOps.randomWork(site, new Random(3), 20);
                expected = FaultInjectionTest.count(site, "appointments");
                f.enroll(site, "clinic-killed", f.url());
            }
            Engine other = f.site("clinic-other");

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), HttpFaultTest.class.getName(), home.toString())
                    .inheritIO().start();
            long progress = 0;
            try (Connection server = DriverManager.getConnection(TestStores.PG_URL + "?currentSchema=" + f.schema,
                    TestStores.PG_USER, null)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (child.isAlive() && System.nanoTime() < deadline) {
                    progress = ServerCounter.committed(server);
                    if (progress > 150) break;
                    Thread.sleep(10);
                }
            }
            assertThat(child.isAlive()).as("child still syncing when killed").isTrue();
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            assertThat(progress).as("server changes committed before the kill").isPositive();

            try (Engine site = Engine.open(TestStores.h2(home))) {
                f.sites.add(site);
                f.syncUntilQuiet();
                f.sites.remove(site);
                assertThat(SyncFixture.checksum(site)).isEqualTo(f.serverChecksum());
                assertThat(SyncFixture.checksum(other)).isEqualTo(f.serverChecksum());
                assertThat(FaultInjectionTest.count(other, "appointments")).isEqualTo(expected);
                assertThat(site.sync().status().pending()).isZero();
            }
        }
    }

    /** The server process: an OutcomeDesk Server over the PostgreSQL schema args[1] (home args[0]) on port args[2]. */
    static final class ServerProcess {
        public static void main(String[] args) throws Exception {
            Engine engine = Engine.open(TestStores.postgres(Path.of(args[0]), args[1]));
            com.outcomedesk.server.ApiServer.start(engine, com.outcomedesk.server.ServerOptions.loopbackHttp(
                    Integer.parseInt(args[2]))).join();
        }
    }

    @Test
    void theServerKilledMidBatchLosesNothing() throws Exception {
        String schema = TestStores.createPostgresSchema();
        Path serverHome = java.nio.file.Files.createDirectories(dir.resolve("server"));
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String code;
        try (Engine setup = Engine.open(TestStores.postgres(serverHome, schema))) {
            code = setup.sync().sites().add("clinic-a", SyncFixture.ADMIN).code();
        }
        Process server = startServer(serverHome, schema, port);
        try (Engine site = Engine.open(TestStores.h2(dir.resolve("site")))) {
            site.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, ProgressListener.NONE);
            SiteOps.randomWork(site, new Random(5), 20);
            site.sync().enroll("http://127.0.0.1:" + port, code, false, SyncFixture.ADMIN);
            SyncTarget target = HttpServerSide.target(site.sync().login().orElseThrow());
            SyncEngine engine = new SyncEngine(site.database(), site.stamper().hlc(), 5);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Connection db = DriverManager.getConnection(TestStores.PG_URL + "?currentSchema=" + schema,
                    TestStores.PG_USER, null)) {
                Future<Integer> runs = pool.submit(() -> {
                    for (int attempt = 1; attempt <= 600; attempt++) {
                        if (engine.run(target).complete()) return attempt;
                        Thread.sleep(100);
                    }
                    throw new AssertionError("sync never completed after the server's restart");
                });
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (ServerCounter.committed(db) < 100 && System.nanoTime() < deadline) Thread.sleep(5);
                server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
                long atKill = ServerCounter.committed(db);
                assertThat(atKill).as("batches committed before the kill").isPositive();
                server = startServer(serverHome, schema, port);
                assertThat(runs.get(180, TimeUnit.SECONDS)).as("attempts").isGreaterThan(1);
                Map<String, String> sums = StoreChecksum.of(db);
                // The site's last run pulled before its own audit entry of the enrolment could be numbered: compare rows.
                assertThat(sums.get("appointments")).isEqualTo(SyncFixture.checksum(site).get("appointments"));
                assertThat(sums.get("predictions")).isEqualTo(SyncFixture.checksum(site).get("predictions"));
                assertThat(site.sync().status().pending()).isZero();
            } finally {
                pool.shutdownNow();
            }
        } finally {
            server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            TestStores.dropPostgresSchema(schema);
        }
    }

    private static Process startServer(Path home, String schema, int port) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ServerProcess.class.getName(), home.toString(), schema,
                Integer.toString(port)).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/health/live")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) return p;
            } catch (java.io.IOException e) {
                Thread.sleep(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the server process did not start");
    }

    /** Runs the engine with a small batch, so cuts land between many commits; returns the attempts used. */
    private static int syncUntilComplete(Engine site, URI via) {
        SiteLogin enrolled = site.sync().login().orElseThrow();
        SyncTarget target = HttpServerSide.target(new SiteLogin(via, enrolled.site(), enrolled.secret(), null));
        SyncEngine engine = new SyncEngine(site.database(), site.stamper().hlc(), 25);
        for (int attempt = 1; attempt <= 300; attempt++) {
            if (engine.run(target).complete()) return attempt;
        }
        throw new AssertionError("sync never completed through the faulty proxy");
    }

    private static long duplicateConflicts(HttpSyncFixture f) throws Exception {
        try (Connection c = DriverManager.getConnection(TestStores.PG_URL + "?currentSchema=" + f.schema, TestStores.PG_USER, null);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) - COUNT(DISTINCT entity_id || ':' || loser_hlc || ':' "
                     + "|| loser_site) FROM sync_conflicts")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
