package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.store.MonitorTallies;
import com.outcomedesk.store.PredictionRepository;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.testing.NeedsPostgres;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sync pulls write predictions and appointment changes through sync's own SQL: the site that pulls them keeps tallies
 * equal to a full recount and to counts worked out from its rows, pull after pull, with catch-ups in between.
 */
@NeedsPostgres
class TallySyncPullTest {
    @TempDir Path dir;

    @Test
    void pulledPredictionsAndOutcomeChangesAreTallied() {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site(), b = f.site();
            // a store's first catch-up counts it whole (it has never recorded which categories are worse)
            assertThat(new MonitorTallies(b.database()).catchUp().whole()).isTrue();
            Random random = new Random(7);
            List<StoredAppointment> made = new ArrayList<>();
            for (int i = 0; i < 12; i++) made.add(SyncFixture.create(a, "dr_" + (i % 3), "Patient seen for cough and fever " + i));
            predict(a, made, random);
            f.sync(a);
            f.sync(b);
            check(b);
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < 4; i++) {
                    StoredAppointment x = made.get(3 + random.nextInt(made.size() - 3));
                    a.appointments().recordOutcome(x.id(), random.nextBoolean() ? "Fully recovered."
                            : "Symptoms worsened despite intervention.", SyncFixture.ADMIN);
                }
                a.appointments().delete(made.get(round).id(), SyncFixture.ADMIN);
                predict(a, made.subList(0, 5), random);
                if (round == 1) new MonitorTallies(b.database()).catchUp();
                f.sync(a);
                f.sync(b);
                check(b);
            }
        }
    }

    private static void predict(Engine site, List<StoredAppointment> appointments, Random random) {
        List<PredictionRepository.NewPrediction> saved = new ArrayList<>();
        for (StoredAppointment x : appointments) {
            double p = random.nextDouble();
            saved.add(new PredictionRepository.NewPrediction(UUID.randomUUID(), x.id(), x.doctorId(), null,
                    "model version 1", p >= 0.5 ? OutcomeLabel.WORSE : OutcomeLabel.BETTER, p, null,
                    PredictionRepository.RiskTier.low, 5L, OffsetDateTime.now(), "admin", site.stamper().siteId()));
        }
        new PredictionRepository(site.database()).saveAll(saved);
    }

    private static void check(Engine site) {
        MonitorTallies tallies = new MonitorTallies(site.database());
        assertThat(tallies.catchUp().whole()).as("caught up from the journal, not recounted").isFalse();
        var incremental = TallyInterleavingProperties.snapshot(tallies);
        assertThat(incremental).isNotEmpty();
        tallies.recount();
        assertThat(TallyInterleavingProperties.snapshot(tallies)).isEqualTo(incremental);
        var java = TallyInterleavingProperties.countedInJava(site);
        incremental.forEach((k, v) -> {
            if (k.startsWith("MONTH ")) assertThat(java.get(k)).as(k).isEqualTo(v.get(0));
        });
    }
}
