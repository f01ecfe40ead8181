package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saved predictions through the store's repository, on both vendors: the latest per appointment, and the counts. */
@NeedsPostgres
class SavedPredictionsTest {
    @TempDir Path dir;
    private final Actor admin = Actor.localUser();

    @Test
    void onH2() {
        latestPerAppointmentAndStats(TestStores.h2(dir));
    }

    @Test
    void onPostgresql() {
        String schema = TestStores.createPostgresSchema();
        try {
            latestPerAppointmentAndStats(TestStores.postgres(dir, schema));
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    private void latestPerAppointmentAndStats(StoreLocation location) {
        try (Engine engine = Engine.open(location)) {
            assertThat(engine.predictions().stats()).isEqualTo(new PredictionService.PredictionStats(0, null, null));
            UUID first = engine.appointments().create(new AppointmentInput("dr_1", "Cough, review in 2 weeks.", null, null, null), admin).id();
            UUID second = engine.appointments().create(new AppointmentInput("dr_2", "Knee pain, physio.", null, null, null), admin).id();
            engine.predictions().record(result("better", 0.2, "low", 100), "dr_1", first, admin);
            engine.predictions().record(result("worse", 0.7, "high", 300), "dr_1", first, admin);
            Map<UUID, PredictionService.Saved> latest = engine.predictions().latestFor(List.of(first, second, UUID.randomUUID()));
            assertThat(latest).containsOnlyKeys(first);
            assertThat(latest.get(first).label()).isEqualTo("worse");
            assertThat(latest.get(first).probability()).isEqualTo(0.7);
            assertThat(latest.get(first).riskTier()).isEqualTo("high");
            assertThat(engine.predictions().latestFor(List.of())).isEmpty();
            assertThat(engine.predictions().stats()).isEqualTo(new PredictionService.PredictionStats(2, 200.0, 300L));
        }
    }

    @Test
    void predictionsRecordedAtOnceFromManyThreadsAreEachSavedAndAuditedOnAnIntactChainOnH2() throws Exception {
        recordedAtOnce(TestStores.h2(dir));
    }

    @Test
    void predictionsRecordedAtOnceFromManyThreadsAreEachSavedAndAuditedOnAnIntactChainOnPostgresql() throws Exception {
        String schema = TestStores.createPostgresSchema();
        try {
            recordedAtOnce(TestStores.postgres(dir, schema));
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    /** The server records each request's prediction as it comes; concurrent ones share commits (group commit). */
    private void recordedAtOnce(StoreLocation location) throws Exception {
        try (Engine engine = Engine.open(location)) {
            UUID appointment = engine.appointments().create(new AppointmentInput("dr_1", "Cough, review in 2 weeks.", null, null, null), admin).id();
            int threads = 8;
            int each = 40;
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            try {
                List<java.util.concurrent.Future<?>> running = new java.util.ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    running.add(pool.submit(() -> {
                        for (int i = 0; i < each; i++) engine.predictions().record(result("worse", 0.7, "high", 10), "dr_1", appointment, admin);
                    }));
                }
                for (var r : running) r.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } finally {
                pool.shutdownNow();
            }
            assertThat(engine.predictions().stats().count()).isEqualTo(threads * each);
            assertThat(engine.auditLog().list(com.outcomedesk.audit.AuditQuery.action("prediction"), admin)).hasSize(threads * each);
            assertThat(engine.auditLog().verify(admin).intact()).isTrue();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.predictions()
                    .record(result("better", 0.1, "low", 10), "dr_1", UUID.randomUUID(), admin))
                    .as("a prediction of an appointment that does not exist").isInstanceOf(RuntimeException.class);
            assertThat(engine.predictions().stats().count()).as("nothing half-written").isEqualTo(threads * each);
            assertThat(engine.auditLog().list(com.outcomedesk.audit.AuditQuery.action("prediction"), admin)).hasSize(threads * each);
        }
    }

    private static PredictionResult result(String label, double p, String tier, long micros) {
        return new PredictionResult(label, p, label.equals("worse") ? "poor" : "good", Map.of(), tier, null, "test", null, true, null,
                List.of(), micros);
    }
}
