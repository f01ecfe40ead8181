package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.security.Actor;
import com.outcomedesk.security.Role;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.transfer.ProgressListener;
import com.outcomedesk.ui.HeldBackground;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
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

            retrain.train();
            assertThat(dialogs.errors).isEmpty();
            assertThat(retrain.resultProperty().get().activated()).isFalse();
            assertThat(retrain.comparison()).first().isEqualTo(new RetrainViewModel.Row("Version", "none", "1"));
            retrain.activate();
            assertThat(engine.models().active().orElseThrow().version()).isEqualTo(1);

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

            models.rollback();
            assertThat(models.activeProperty().get().version()).isEqualTo(1);
            assertThat(activeChanges.get()).isGreaterThanOrEqualTo(3);
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
    void aSecondClickOnActivateWhileTheFirstRunsActivatesOnce() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            HeldBackground background = new HeldBackground();
            AtomicInteger activations = new AtomicInteger();
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(), Actor::localUser,
                    background, new ScriptedDialogs(), activations::incrementAndGet);
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
            assertThat(activations.get()).isEqualTo(1);
        }
    }

    @Test
    void aClinicianCannotTrainAndIsToldWhy() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            ScriptedDialogs dialogs = new ScriptedDialogs();
            RetrainViewModel retrain = new RetrainViewModel(engine.training(), engine.models(),
                    () -> new Actor("carol", Role.CLINICIAN), new DirectBackground(), dialogs, () -> { });
            retrain.train();
            assertThat(dialogs.errors).singleElement().asString().contains("only an administrator can train a model");
            assertThat(retrain.runningProperty().get()).isFalse();
        }
    }
}
