package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsPostgres
class ModelLifecycleTest {
    private static final TrainingRequest LOGREG = TrainingRequest.defaults().withAlgorithm(TrainingRequest.Algorithm.LOGREG);
    private static final PredictionRequest VISIT = new PredictionRequest("dr_10",
            "Follow-up for diabetes. Improvements noted. Will reassess in 1 month.", null);
    @TempDir Path dir;
    private final Actor admin = Actor.localUser();

    private Engine engineWithReferenceSample(StoreLocation location) {
        Engine engine = Engine.open(location);
        engine.importer().importFile(TestStores.referenceSample(), admin, ProgressListener.NONE);
        return engine;
    }

    @Test
    void trainActivateRollbackAndFallBackFromCorruptArtifacts() {
        try (Engine engine = engineWithReferenceSample(TestStores.h2(dir))) {
            TrainingService.TrainingResult first = engine.training().train(
                    new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 5, true, 42, 18), admin, ProgressListener.NONE);
            assertThat(first.version()).isEqualTo(1);
            assertThat(first.labelledRows()).isEqualTo(400);
            assertThat(first.evaluation().repeats()).isEqualTo(5);
            assertThat(first.evaluation().candidates()).extracting(Evaluation.CandidateResult::name)
                    .containsExactly("logreg", "majority", "doctor-rate");
            assertThat(first.notes()).anyMatch(n -> n.contains("Ablation AUC"));
            assertThat(engine.models().provenance(1).get("dataFingerprint").asText()).startsWith("sha256:");
            assertThat(engine.models().metrics(1).path("evaluation").path("roc").size()).isGreaterThan(2);

            PredictionResult answer = engine.predictions().predict(VISIT);
            assertThat(answer.modelVersion()).isEqualTo(1);
            assertThat(answer.fallbackReason()).isNull();
            assertThat(answer.categoryProbabilities().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                    org.assertj.core.api.Assertions.within(1e-9));
            assertThat(answer.explanation()).isNotEmpty();

            int second = engine.training().train(LOGREG, admin, ProgressListener.NONE).version();
            engine.models().activate(second, admin);
            assertThat(engine.predictions().predict(VISIT).modelVersion()).isEqualTo(2);
            assertThat(engine.models().rollback(admin).version()).isEqualTo(1);
            assertThat(engine.predictions().predict(VISIT).modelVersion()).isEqualTo(1);
            engine.models().activate(2, admin);

            corrupt(engine, 2);
            engine.models().refresh();
            PredictionResult fallback = engine.predictions().predict(VISIT);
            assertThat(fallback.modelVersion()).isEqualTo(1);
            assertThat(fallback.answeredBy()).contains("previous good version");
            assertThat(fallback.fallbackReason()).contains("version 2").contains("refused: damaged");

            corrupt(engine, 1);
            engine.models().refresh();
            PredictionResult baseline = engine.predictions().predict(VISIT);
            assertThat(baseline.modelVersion()).isNull();
            assertThat(baseline.answeredBy()).isEqualTo("doctor-rate baseline from the store");
            assertThat(baseline.probability()).isBetween(0.0, 1.0);
            assertThatThrownBy(() -> engine.models().activate(1, admin)).hasMessageContaining("refused: damaged");
        }
    }

    private static void corrupt(Engine engine, int version) {
        engine.database().withConnection(c -> {
            try (var ps = c.prepareStatement("UPDATE model_versions SET artifact = ? WHERE version_number = ?")) {
                ps.setBytes(1, new byte[] {1, 2, 3});
                ps.setInt(2, version);
                return ps.executeUpdate();
            }
        });
    }

    @Test
    void unknownDoctorIsAllowedAndSaidSoAndClinicianCannotTrainOrActivate() {
        try (Engine engine = engineWithReferenceSample(TestStores.h2(dir))) {
            Actor clinician = new Actor("nurse", Role.CLINICIAN);
            assertThatThrownBy(() -> engine.training().train(LOGREG, clinician, ProgressListener.NONE))
                    .isInstanceOf(AccessDeniedException.class);
            engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 5, true, 1, 18), admin, ProgressListener.NONE);
            assertThatThrownBy(() -> engine.models().activate(1, clinician)).isInstanceOf(AccessDeniedException.class);
            PredictionResult r = engine.predictions().predict(new PredictionRequest("dr_nobody", "Persistent cough, no fever.", null));
            assertThat(r.doctorKnown()).isFalse();
            assertThat(r.doctorNote()).contains("unknown");
            assertThat(r.explanation()).noneMatch(c -> c.term().startsWith("doctor "));
        }
    }

    @Test
    void interruptingTheTrainingThreadCancelsWithoutSavingAVersion() {
        try (Engine engine = engineWithReferenceSample(TestStores.h2(dir))) {
            ProgressListener cancelOnFirstFold = (stage, done, total) -> {
                if (stage.startsWith("cross-validation")) Thread.currentThread().interrupt();
            };
            assertThatThrownBy(() -> engine.training().train(LOGREG, admin, cancelOnFirstFold))
                    .isInstanceOf(CancellationException.class);
            assertThat(Thread.interrupted()).isTrue();
            assertThat(engine.models().list()).isEmpty();
        }
    }

    @Test
    void trainsAndPredictsOnPostgresqlWithAStreamingCursor() {
        String schema = TestStores.createPostgresSchema();
        try (Engine engine = engineWithReferenceSample(TestStores.postgres(dir, schema))) {
            TrainingService.TrainingResult result = engine.training().train(
                    new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 5, true, 42, 18), admin, ProgressListener.NONE);
            assertThat(result.labelledRows()).isEqualTo(400);
            assertThat(engine.predictions().predict(VISIT).modelVersion()).isEqualTo(1);
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
