package com.outcomedesk.retrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Policy runs on a store: one that keeps the champion, one that promotes, a manual policy that never activates. */
class RetrainingServiceTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final Actor CLINICIAN = new Actor("nurse", Role.CLINICIAN);
    @TempDir Path dir;

    private static int champion(Engine engine) {
        return engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42,
                TrainingRequest.DEFAULT_BITS), ADMIN, ProgressListener.NONE).version();
    }

    @Test
    void aChallengerNoBetterOnTheHoldoutKeepsTheChampionAndSaysWhy() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            ShiftingClinic.months(engine, dir, ADMIN, 0, 10, 99, 80, 1);
            int champion = champion(engine);
            engine.retraining().set("mode", "schedule", ADMIN);
            assertThat(engine.retraining().due()).hasValueSatisfying(t -> assertThat(t).contains("no run yet"));

            RetrainDecision d = engine.retraining().runIfDue(ProgressListener.NONE).orElseThrow();
            assertThat(d.outcome()).isEqualTo(RetrainDecision.Outcome.KEPT);
            assertThat(d.championVersion()).isEqualTo(champion);
            assertThat(d.reasons()).anyMatch(r -> r.startsWith("Holdout AUC") && r.endsWith("not better by the margin."))
                    .anyMatch(r -> r.startsWith("Kept version " + champion));
            assertThat(engine.models().active().orElseThrow().version()).isEqualTo(champion);
            assertThat(d.decidedBy()).isEqualTo("policy/admin");
            assertThat(engine.retraining().due()).as("the schedule's interval starts again").isEmpty();
            assertThat(engine.retraining().decisions()).singleElement()
                    .satisfies(s -> assertThat(s.evidence().holdout().championAuc()).isNotNull());
        }
    }

    @Test
    void anAutomaticPolicyPromotesAChallengerThatLearnedTheShiftAndAManualOneOnlyRecommends() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            ShiftingClinic.months(engine, dir, ADMIN, 0, 6, 6, 80, 2);
            int champion = champion(engine);
            ShiftingClinic.months(engine, dir, ADMIN, 6, 12, 6, 80, 3);

            RetrainDecision manual = engine.retraining().runNow(ADMIN, ProgressListener.NONE);
            assertThat(manual.outcome()).isEqualTo(RetrainDecision.Outcome.RECOMMENDED);
            assertThat(engine.models().active().orElseThrow().version()).as("a manual policy never activates").isEqualTo(champion);
            assertThat(engine.retraining().due()).as("nothing is ever due under a manual policy").isEmpty();

            engine.retraining().set("mode", "schedule", ADMIN);
            engine.retraining().set("aucMargin", "0.05", ADMIN);
            RetrainDecision promoted = engine.retraining().runNow(ADMIN, ProgressListener.NONE);
            assertThat(promoted.outcome()).as(String.join("\n", promoted.reasons())).isEqualTo(RetrainDecision.Outcome.PROMOTED);
            assertThat(promoted.evidence().holdout().challengerAuc())
                    .isGreaterThan(promoted.evidence().holdout().championAuc() + 0.05);
            assertThat(engine.models().active().orElseThrow().version()).isEqualTo(promoted.challengerVersion());

            List<AuditEntry> audit = engine.auditLog().list(AuditQuery.ALL, ADMIN);
            assertThat(audit).filteredOn(a -> a.action().equals("model.retrain-decision")).hasSize(2)
                    .anyMatch(a -> a.details().startsWith("recommended")).anyMatch(a -> a.details().startsWith("promoted"));
            assertThat(audit).anyMatch(a -> a.action().equals("model.activate")
                    && a.details().equals("version " + promoted.challengerVersion()));
            assertThat(audit).filteredOn(a -> a.action().equals("setting-change")).extracting(AuditEntry::entityId)
                    .contains("retrain.mode", "retrain.aucMargin");
            assertThat(engine.retraining().decisions()).extracting(RetrainDecision::outcome)
                    .containsExactly(RetrainDecision.Outcome.PROMOTED, RetrainDecision.Outcome.RECOMMENDED);
        }
    }

    @Test
    void onlyAdministratorsSetThePolicyOrRunIt() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            assertThatThrownBy(() -> engine.retraining().set("mode", "on-alert", CLINICIAN)).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> engine.retraining().runNow(CLINICIAN, ProgressListener.NONE))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> engine.retraining().set("mode", "weekly", ADMIN))
                    .hasMessageContaining("manual, schedule or on-alert");
            assertThat(engine.retraining().policy()).isEqualTo(RetrainingPolicy.DEFAULTS);
        }
    }
}
