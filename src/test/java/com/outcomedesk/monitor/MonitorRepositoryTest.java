package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.MonitorRepository;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The monitor's SQL on H2 (here) and PostgreSQL ({@link PostgresMonitorRepositoryTest}). */
class MonitorRepositoryTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;
    Engine engine;

    StoreLocation location() {
        return TestStores.h2(dir.resolve("store"));
    }

    @AfterEach
    void close() {
        if (engine != null) engine.close();
    }

    private void importText(String json) throws IOException {
        Path file = Files.createTempFile(dir, "in", ".json");
        Files.writeString(file, json);
        engine.importer().importFile(file, ADMIN, ProgressListener.NONE);
    }

    @Test
    void theTrainingReferenceLeavesOutOutcomesThatArrivedAfterTraining() throws Exception {
        engine = Engine.open(location());
        importText("""
                [{"id":"a","doctor_id":"dr_a","summary":"Seen today with fever and cough.","future_outcome":"Fully recovered."},
                 {"id":"b","doctor_id":"dr_b","summary":"Follow-up for asthma, inhaler adjusted."}]""");
        Thread.sleep(20);
        OffsetDateTime trainedAt = OffsetDateTime.now();
        Thread.sleep(20);
        importText("""
                [{"id":"b","doctor_id":"dr_b","summary":"Follow-up for asthma, inhaler adjusted.","future_outcome":"Fully recovered."}]""");
        MonitorRepository rows = new MonitorRepository(engine.database());
        assertThat(rows.labelledDoctorMix(trainedAt)).isEqualTo(Map.of("dr_a", 1L));
        assertThat(rows.labelledSummaries(trainedAt, 10)).containsExactly("Seen today with fever and cough.");
        assertThat(rows.labelledDoctorMix(OffsetDateTime.now())).containsOnlyKeys("dr_a", "dr_b");
    }

    @Test
    void theTalliesCountEveryPredictionOnceWithItsOutcome() throws Exception {
        engine = Engine.open(location());
        MonitorStream.write(engine, dir, ADMIN, 2, 40, -1, 5);
        MonitorRepository rows = new MonitorRepository(engine.database());
        MonitorRepository.Tallies counted = rows.tallies(MonitorRepository.By.DOCTOR);
        List<MonitorRepository.Tally> tallies = counted.tallies();
        assertThat(tallies.stream().mapToLong(MonitorRepository.Tally::count).sum()).isEqualTo(80);
        assertThat(tallies).allSatisfy(t -> {
            assertThat(t.worse()).isNotNull();
            assertThat(t.month()).isIn(202401, 202402);
            assertThat(t.group()).startsWith("dr_");
            assertThat(t.bucket()).isBetween(0, MonitorRepository.BUCKETS);
            assertThat(t.sum() / t.count()).isBetween(t.bucket() / (double) MonitorRepository.BUCKETS - 1e-9,
                    (t.bucket() + 1) / (double) MonitorRepository.BUCKETS);
            assertThat(t.riskTier()).isIn("low", "medium", "high");
            assertThat(t.fallback()).isFalse();
        });
        assertThat(rows.doctorMixByMonth().stream().mapToLong(MonitorRepository.MonthCount::count).sum()).isEqualTo(80);
        assertThat(tallies).anyMatch(t -> t.worse()).anyMatch(t -> !t.worse());
        assertThat(rows.predictionSpan()).isPresent();
        assertThat(counted.lastOutcome()).isNotNull();
        assertThat(rows.predictedSummaries(MonitorStream.START, MonitorStream.START.plusMonths(1), 1000)).hasSize(40);
    }

    @Test
    void aMonitorRunRaisesAlertsOnceAndAcknowledgesThem() throws Exception {
        engine = Engine.open(location());
        MonitorStream.write(engine, dir, ADMIN, 8, 120, 5, 9);
        MonitorReport bySite = engine.monitor().run(MonitorGrouping.SITE, ADMIN);
        assertThat(bySite.periods()).hasSize(8).allSatisfy(p -> assertThat(p.group()).isEqualTo(engine.stamper().siteId()));
        assertThat(bySite.alerts()).isNotEmpty();
        assertThat(engine.monitor().run(MonitorGrouping.MONTH, ADMIN).alerts()).hasSize(bySite.alerts().size());
        Alert acked = engine.monitor().acknowledge(bySite.alerts().get(0).id(), ADMIN);
        assertThat(acked.acknowledgedBy()).isEqualTo("admin");
        assertThat(engine.monitor().openAlerts()).isEqualTo(bySite.alerts().size() - 1);
    }
}
