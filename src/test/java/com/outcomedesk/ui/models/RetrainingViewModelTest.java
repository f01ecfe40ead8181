package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.monitor.MonitorStream;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetrainingViewModelTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void aRefusedEditStoresNothingAValidOneIsSavedAndARunListsItsDecisionWithReasons() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorStream.write(engine, dir, ADMIN, 4, 120, -1, 3);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            AtomicInteger changed = new AtomicInteger();
            RetrainingViewModel vm = new RetrainingViewModel(engine.retraining(), () -> ADMIN, new DirectBackground(), dialogs,
                    changed::incrementAndGet);
            vm.reload();
            assertThat(vm.modeProperty().get()).isEqualTo(RetrainingPolicy.Mode.MANUAL);
            assertThat(vm.aucMarginProperty().get()).isEqualTo("0.01");
            assertThat(vm.policyTextProperty().get()).contains("manual").contains("(default)");

            vm.modeProperty().set(RetrainingPolicy.Mode.SCHEDULE);
            vm.aucMarginProperty().set("a lot");
            vm.save();
            assertThat(dialogs.errors).singleElement().asString().contains("aucMargin must be a number from 0 to 0.5")
                    .contains("Nothing of this edit was stored");
            assertThat(engine.retraining().policy().mode()).as("the valid mode was not stored either").isEqualTo(RetrainingPolicy.Mode.MANUAL);

            vm.aucMarginProperty().set("0.02");
            vm.save();
            assertThat(engine.retraining().policy()).extracting(RetrainingPolicy::mode, RetrainingPolicy::aucMargin)
                    .containsExactly(RetrainingPolicy.Mode.SCHEDULE, 0.02);
            assertThat(vm.policyTextProperty().get()).contains("every 30 days").contains("set by admin");

            vm.runNow();
            assertThat(dialogs.errors).hasSize(1);
            assertThat(dialogs.infos).singleElement().asString().contains("No model version is active");
            assertThat(changed.get()).isEqualTo(1);
            assertThat(vm.decisions()).singleElement().extracting(RetrainDecision::outcome).isEqualTo(RetrainDecision.Outcome.PROMOTED);
            assertThat(vm.latestTextProperty().get()).contains("promoted").contains("Promoted version");
            assertThat(vm.reasonsTextProperty().getValue()).startsWith("Choose a decision");
            vm.selectedProperty().set(vm.decisions().get(0));
            assertThat(vm.reasonsTextProperty().getValue()).contains("no champion to beat");
            assertThat(vm.runningProperty().get()).isFalse();
        }
    }

    @Test
    void cliniciansMayNotChangeThePolicy() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            RetrainingViewModel vm = new RetrainingViewModel(engine.retraining(), () -> new Actor("nurse", Role.CLINICIAN),
                    new DirectBackground(), new ScriptedDialogs(), () -> { });
            assertThat(vm.mayChange()).isFalse();
        }
    }
}
