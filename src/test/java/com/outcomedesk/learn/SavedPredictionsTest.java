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

    private static PredictionResult result(String label, double p, String tier, long micros) {
        return new PredictionResult(label, p, label.equals("worse") ? "poor" : "good", Map.of(), tier, null, "test", null, true, null,
                List.of(), micros);
    }
}
