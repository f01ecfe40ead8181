package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sync process killed outright mid-run is finished by the next run, with nothing lost or doubled. */
@NeedsPostgres
class KilledSyncTest {
    @TempDir Path dir;

    /** The child process: syncs the store at args[0] with the server at args[1] in small batches. */
    public static void main(String[] args) {
        try (Engine site = Engine.open(TestStores.h2(Path.of(args[0])))) {
            new SyncEngine(site.database(), site.stamper().hlc(), 5)
                    .run(new ServerConfig(args[1], TestStores.PG_USER, null));
        }
    }

    @Test
    void killedMidSyncResumesOnTheNextRun() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Path home = dir.resolve("killed");
            long expected;
            try (Engine site = Engine.open(TestStores.h2(home))) {
                site.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN,
                        com.outcomedesk.common.ProgressListener.NONE);
                SiteOps.randomWork(site, new java.util.Random(3), 20);
                expected = FaultInjectionTest.count(site, "appointments");
            }
            Engine other = f.site();
            f.sync(other); // creates the server schema

            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), KilledSyncTest.class.getName(),
                    home.toString(), f.url()).inheritIO().start();
            long progress = 0;
            try (Connection server = DriverManager.getConnection(f.url(), TestStores.PG_USER, null)) {
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
                site.sync().configure(f.url(), TestStores.PG_USER, null, SyncFixture.ADMIN);
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
}
