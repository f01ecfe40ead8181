package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Metric;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.HeldBackground;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelsViewModelTest {
    @TempDir Path dir;

    @Test
    void retrainComparesWithTheActiveModelThenActivatesAndRollsBack() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            AtomicInteger activeChanges = new AtomicInteger();
            ModelsViewModel models = new ModelsViewModel(engine.models(), engine.predictions(), Actor::localUser,
                    new DirectBackground(), dialogs, activeChanges::incrementAndGet);
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(), Actor::localUser,
                    new DirectBackground(), dialogs, models::changed);
            retrain.algorithmProperty().set(TrainingRequest.Algorithm.LOGREG);
            retrain.foldsProperty().set(3);

            assertThat(retrain.notesTextProperty().getValue()).as("no run yet").isEmpty();
            retrain.train();
            assertThat(dialogs.errors).isEmpty();
            assertThat(retrain.resultProperty().get().activated()).isFalse();
            assertThat(retrain.notesTextProperty().getValue()).isEqualTo(String.join("\n", retrain.resultProperty().get().notes()));
            assertThat(retrain.comparison()).first().isEqualTo(new RetrainViewModel.Row("Version", "none", "1"));
            assertThat(retrain.activatedTextProperty().getValue()).isEmpty();
            retrain.activate();
            assertThat(engine.models().active().orElseThrow().version()).isEqualTo(1);
            assertThat(retrain.activatedTextProperty().getValue()).isEqualTo("Activated: predictions now use the new version.");

            retrain.train();
            assertThat(retrain.comparison()).first().isEqualTo(new RetrainViewModel.Row("Version", "1", "2"));
            retrain.activate();

            models.reload();
            assertThat(models.figuresProperty().get().auc().text())
                    .isEqualTo(String.format(java.util.Locale.ROOT, "%.3f", models.activeProperty().get().auc()));
            assertThat(models.figuresProperty().get().labelled().text()).isEqualTo("400 records");
            assertThat(models.versions()).hasSize(2);
            assertThat(models.activeProperty().get().version()).isEqualTo(2);
            assertThat(models.evaluationProperty().get()).isNotNull();
            assertThat(models.evaluationProperty().get().roc()).isNotEmpty();
            assertThat(models.evaluationChartsProperty().getValue().roc().get(0).points())
                    .hasSize(models.evaluationProperty().get().roc().size());
            assertThat(models.versionsChartProperty().getValue().lastVersion()).isEqualTo(2);
            assertThat(models.versions()).allMatch(v -> models.artifactState(v).equals("usable"));

            models.rollback();
            assertThat(models.activeProperty().get().version()).isEqualTo(1);
            assertThat(activeChanges.get()).isGreaterThanOrEqualTo(3);
            engine.database().withConnection(c -> c.createStatement().executeUpdate(
                    "UPDATE model_versions SET artifact = X'0102' WHERE version_number = 2"));
            models.reload();
            assertThat(models.artifactState(models.versions().get(0))).isEqualTo("usable");
            assertThat(models.artifactState(models.versions().get(1))).startsWith("refused: damaged");
        }
    }

    @Test
    void aRollbackWithNothingToGoBackToSaysSoInDesktopWords() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            ModelsViewModel models = new ModelsViewModel(engine.models(), engine.predictions(), Actor::localUser,
                    new DirectBackground(), dialogs, () -> { });
            models.rollback();
            assertThat(dialogs.errors).containsExactly("There is no earlier active version to roll back to.");
        }
    }

    @Test
    void figuresAreUnknownRatherThanZeroUntilLoadedAndCarryUnitsAndSeparators() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            ModelsViewModel models = new ModelsViewModel(engine.models(), engine.predictions(), Actor::localUser,
                    new DirectBackground(), new ScriptedDialogs(), () -> { });
            assertThat(models.figuresProperty().get().accuracy().value()).isNull();
            assertThat(models.figuresProperty().get().accuracy().text()).isEmpty();
            models.reload();
            assertThat(models.figuresProperty().get().auc().value()).as("no active model").isNull();
            assertThat(models.figuresProperty().get().predictions().text()).isEqualTo("0");
        }
        assertThat(new ModelsViewModel.TileFigure(9487d, 0, "records").text()).isEqualTo("9,487 records");
        assertThat(ModelsViewModel.latency(12623.0).text()).isEqualTo("12.6 ms");
        assertThat(ModelsViewModel.latency(850.0).text()).isEqualTo("850 µs");
        assertThat(ModelsViewModel.latency(2_500_000.0).text()).isEqualTo("2.5 s");
    }

    @Test
    void theVersionsChartKeepsFollowingTheVersionsAfterAGarbageCollection() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            ModelsViewModel models = new ModelsViewModel(engine.models(), engine.predictions(), Actor::localUser,
                    new DirectBackground(), new ScriptedDialogs(), () -> { });
            java.util.List<ModelCharts.Versions> shown = new java.util.ArrayList<>();
            models.versionsChartProperty().addListener((o, a, chart) -> shown.add(chart));
            for (int i = 0; i < 5; i++) {
                System.gc();
                Thread.sleep(20);
            }
            models.versions().setAll(new ModelVersionInfo(null, 4, "logreg", "active", "alice", null, 0L, 10L, 5, "", 0.7, 0.6, 0.5));
            assertThat(shown).extracting(ModelCharts.Versions::lastVersion).containsExactly(4);
        }
    }

    @Test
    void aSecondClickOnActivateWhileTheFirstRunsActivatesOnce() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            HeldBackground background = new HeldBackground();
            AtomicInteger changes = new AtomicInteger();
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(), Actor::localUser,
                    background, new ScriptedDialogs(), changes::incrementAndGet);
            retrain.algorithmProperty().set(TrainingRequest.Algorithm.LOGREG);
            retrain.foldsProperty().set(3);
            retrain.train();
            background.release();

            retrain.activate();
            assertThat(retrain.runningProperty().get()).as("running while activating").isTrue();
            retrain.activate();
            retrain.train();
            background.release();

            assertThat(background.titles).containsExactly("Training a model", "Activating version 1");
            assertThat(retrain.runningProperty().get()).isFalse();
            assertThat(retrain.activatedProperty().get()).isTrue();
            assertThat(changes.get()).as("one training, one activation").isEqualTo(2);
        }
    }

    @Test
    void aWorseCandidateIsSaidToBeWorseAndKeepingTheCurrentModelIsTheDefault() {
        ModelVersionInfo active = new ModelVersionInfo(null, 1, "logreg", "active", "alice", null, 0L, 9486L, 5, "", 0.747, 0.68, 0.67);
        RetrainViewModel.Verdict worse = RetrainViewModel.verdict(active, candidate(0.709, 9486));
        assertThat(worse.activateByDefault()).isFalse();
        assertThat(worse.worse()).isTrue();
        assertThat(worse.text()).startsWith("The candidate is worse than the active model: cross-validated AUC 0.709 against 0.747");

        RetrainViewModel.Verdict better = RetrainViewModel.verdict(active, candidate(0.752, 9600));
        assertThat(better.activateByDefault()).isTrue();
        assertThat(better.worse()).isFalse();
        assertThat(better.text()).startsWith("The candidate is better").contains("9,600 labelled records; the active version on 9,486");

        RetrainViewModel.Verdict same = RetrainViewModel.verdict(active, candidate(0.7472, 9486));
        assertThat(same.activateByDefault()).as("no better: keep").isFalse();
        assertThat(same.worse()).isFalse();
        assertThat(same.text()).startsWith("The candidate is no better");

        assertThat(RetrainViewModel.verdict(null, candidate(0.6, 400)).activateByDefault()).as("nothing active yet").isTrue();
    }

    private static TrainingService.TrainingResult candidate(double auc, int rows) {
        return new TrainingService.TrainingResult(2, "forest", Map.of(Metric.AUC, auc), null, false, 0, rows, 10);
    }

    @Test
    void theLastRunsComparisonIsClearedWhenANewRunStarts() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            HeldBackground background = new HeldBackground();
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(), Actor::localUser,
                    background, new ScriptedDialogs(), () -> { });
            retrain.algorithmProperty().set(TrainingRequest.Algorithm.LOGREG);
            retrain.foldsProperty().set(3);
            retrain.train();
            background.release();
            assertThat(retrain.comparison()).isNotEmpty();
            assertThat(retrain.verdictProperty().get()).isNotNull();

            retrain.train();
            assertThat(retrain.comparison()).as("while the new run trains").isEmpty();
            assertThat(retrain.verdictProperty().get()).isNull();
            assertThat(retrain.resultProperty().get()).isNull();
            background.release();
            assertThat(retrain.comparison()).first().isEqualTo(new RetrainViewModel.Row("Version", "none", "2"));
        }
    }

    @Test
    void aClinicianCannotTrainAndIsToldWhy() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(),
                    () -> new Actor("carol", Role.CLINICIAN), new DirectBackground(), dialogs, () -> { });
            assertThat(retrain.mayTrain()).isFalse();
            retrain.train();
            assertThat(dialogs.errors).singleElement().asString().contains("only an administrator can train a model");
            assertThat(retrain.runningProperty().get()).isFalse();
        }
    }
}
