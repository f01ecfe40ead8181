package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Three sites and one server, under random interleavings of local edits (often on the same appointments)
 * and syncs, always end with identical contents once everyone has synced.
 */
@NeedsPostgres
class ConvergencePropertyTest {

    /** One step: a site does some random work, and maybe syncs afterwards. */
    record Step(int site, int work, boolean sync) {
    }

    @Provide
    Arbitrary<List<Step>> schedules() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 4), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(3).ofMaxSize(10);
    }

    @Property(tries = 4, seed = "20261125")
    void sitesConvergeToIdenticalContents(@ForAll("schedules") List<Step> schedule, @ForAll long seed)
            throws Exception {
        Path dir = Files.createTempDirectory("sync-convergence");
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine[] sites = {f.site(), f.site(), f.site()};
            Random random = new Random(seed);
            // A shared starting point, so later edits on different sites hit the same rows.
            SiteOps.randomWork(sites[0], random, 4);
            f.syncUntilQuiet();
            for (Step step : schedule) {
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
}
