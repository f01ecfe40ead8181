package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.AppVersion;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ArtifactCodec.Identity;
import com.outcomedesk.testing.TestStores;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provenance inside the signed artifact (format 3), and artifacts saved before it (format 2) still answering. */
class ModelProvenanceTest {
    private static final byte[] KEY = new byte[32];
    private static final Identity ID = new Identity(UUID.fromString("00000000-0000-0000-0000-000000000007"), 7, "site-a");
    private static final PredictionRequest VISIT = new PredictionRequest("dr_01", "Persistent cough, no fever. Review in 2 weeks.",
            LocalDate.of(2024, 3, 1));
    @TempDir Path dir;

    static {
        Arrays.fill(KEY, (byte) 7);
    }

    @Test
    void provenanceRoundTripsThroughTheSignedArtifact() throws Exception {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("epochs", "10");
        parameters.put("l2", "1.0E-4");
        ModelProvenance provenance = new ModelProvenance("doctor-rate", TrainingRequest.Algorithm.AUTO, parameters,
                ModelProvenance.FeatureSpec.of(TrainingRequest.DEFAULT_BITS), "sha256:abc", 9_486, 2_100, 5, 1, 42, "d\u00e9j\u00e0",
                Map.of("smile", "3.1.1", "java", "17.0.2"), "0.9.1", OffsetDateTime.of(2026, 12, 1, 15, 4, 5, 120_000_000,
                ZoneOffset.ofHours(2)), 8_123);
        TrainedModel model = new TrainedModel("doctor-rate", TrainingRequest.DEFAULT_BITS, new DoctorRateModel(Map.of(3, 0.4), 0.3),
                Calibration.IDENTITY, null, new double[] {1, 2, 3, 4, 5}, Set.of("dr_01")).withProvenance(provenance);
        byte[] artifact = ArtifactCodec.encode(model, ID, KEY);
        TrainedModel read = ArtifactCodec.decode(artifact, ArtifactCodec.FORMAT, ID, KEY);
        assertThat(read.provenance()).isEqualTo(provenance);
        assertThat(read.provenance().parameters().keySet()).containsExactly("epochs", "l2");
        assertThat(read.categoryShares()).containsExactly(1, 2, 3, 4, 5);
        assertThat(ArtifactCodec.decode(ArtifactCodec.encode(model.withProvenance(null), ID, KEY), ArtifactCodec.FORMAT, ID, KEY)
                .provenance()).isNull();
    }

    /** format2-logreg.artifact was saved by the format-2 code (before provenance) with this test's key and identity. */
    @Test
    void aFormat2ArtifactSavedBeforeProvenanceStillLoadsAndAnswersAsItDid() throws Exception {
        byte[] artifact;
        try (InputStream in = getClass().getResourceAsStream("format2-logreg.artifact")) {
            artifact = in.readAllBytes();
        }
        assertThat(artifact[5]).isEqualTo((byte) 2);
        ArtifactCodec.verify(artifact, 2, ID, KEY);
        TrainedModel model = ArtifactCodec.decode(artifact, 2, ID, KEY);
        assertThat(model.provenance()).isNull();
        assertThat(model.algorithm()).isEqualTo("logreg");
        assertThat(model.knownDoctors()).containsExactlyInAnyOrder("dr_01", "dr_02");
        PredictionResult r = new Predictor(new LoadedModel(model, 7, "model version 7", null)).predict(VISIT, RiskTiers.DEFAULT);
        // What the format-2 code answered with this artifact when it saved it.
        assertThat(r.probability()).isEqualTo(0.6753504646945777);
        assertThat(r.category()).isEqualTo("critical");
        // The category model's own 0.603 for critical is now rescaled so that poor + critical = the probability of worse.
        CoherentExplainedPredictionTest.assertCoherent(r, RiskTiers.DEFAULT);
        assertThat(r.categoryProbabilities().get("critical")).isLessThan(0.6032253211681873).isGreaterThan(r.probability() / 2);
        assertThat(r.riskTier()).isEqualTo("high");
    }

    @Test
    void aTrainedVersionsArtifactSaysHowItWasMade() {
        Actor admin = Actor.localUser();
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), admin, ProgressListener.NONE);
            TrainingService.TrainingResult trained = engine.training().train(
                    new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 2, false, 7, TrainingRequest.DEFAULT_BITS), admin,
                    ProgressListener.NONE);
            ModelProvenance p = engine.models().artifactProvenance(trained.version()).orElseThrow();
            assertThat(p.algorithm()).isEqualTo(trained.algorithm());
            assertThat(p.requested()).isEqualTo(TrainingRequest.Algorithm.LOGREG);
            assertThat(p.rows()).isEqualTo(400);
            assertThat(p.worseRows()).isEqualTo(trained.evaluation().worseRows());
            assertThat(p.folds()).isEqualTo(2);
            assertThat(p.repeats()).isEqualTo(5);
            assertThat(p.seed()).isEqualTo(7);
            assertThat(p.trainer()).isEqualTo(admin.name());
            assertThat(p.applicationVersion()).isEqualTo(AppVersion.current());
            assertThat(p.libraries()).containsKeys("java", "smile").doesNotContainValue("unknown");
            assertThat(p.featureSpec().hashBits()).isEqualTo(TrainingRequest.DEFAULT_BITS);
            assertThat(p.featureSpec().maxNgram()).isEqualTo(2);
            assertThat(p.featureSpec().entityDictionary()).matches("sha256:[0-9a-f]{64}");
            var column = engine.models().provenance(trained.version());
            assertThat(p.dataFingerprint()).isEqualTo(column.get("dataFingerprint").asText()).startsWith("sha256:");
            assertThat(p.featureSpec().description()).isEqualTo(column.get("featureSpec").asText());
            assertThat(p.trainedAt().toString()).isEqualTo(column.get("trainedAt").asText());
            assertThat(p.parameters()).containsEntry("epochs", column.get("parameters").get("epochs").asText());
            assertThat(column.get("libraries").get("outcome-desk").asText()).isEqualTo(AppVersion.current());
        }
    }
}
