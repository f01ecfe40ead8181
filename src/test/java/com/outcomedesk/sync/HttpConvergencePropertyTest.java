package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link ConvergencePropertyTest} over the OutcomeDesk Server: three enrolled sites under random interleavings of
 * local edits, deletes and syncs, with no database login, end with the server's contents once everyone has synced.
 */
@NeedsPostgres
class HttpConvergencePropertyTest {

    @Property(tries = 3, seed = "20261201")
    void sitesConvergeThroughTheServer(@ForAll("schedules") List<ConvergencePropertyTest.Step> schedule,
                                       @ForAll long seed) throws Exception {
        Path dir = Files.createTempDirectory("http-sync-convergence");
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Engine[] sites = {f.site("site-0"), f.site("site-1"), f.site("site-2")};
            Random random = new Random(seed);
            SiteOps.randomWork(sites[0], random, 4);
            f.syncUntilQuiet();
            for (ConvergencePropertyTest.Step step : schedule) {
                SiteOps.randomWork(sites[step.site()], random, step.work());
                if (step.sync()) f.sync(sites[step.site()]);
            }
            f.syncUntilQuiet();

            Map<String, String> server = f.serverChecksum();
            for (Engine site : sites) {
                assertThat(SyncFixture.checksum(site)).isEqualTo(server);
                assertThat(site.sync().status().pending()).isZero();
            }
        } finally {
            FaultInjectionTest.deleteTree(dir);
        }
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<ConvergencePropertyTest.Step>> schedules() {
        return new ConvergencePropertyTest().schedules();
    }
}
