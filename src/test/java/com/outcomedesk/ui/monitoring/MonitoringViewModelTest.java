package com.outcomedesk.ui.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.monitor.DriftFinding;
import com.outcomedesk.monitor.MonitorStream;
import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitoringViewModelTest {
    @TempDir Path dir;

    @Test
    void aRunFillsTheChartsTheHeatStripAndTheAlertsAndAcknowledgingClosesOne() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorStream.write(engine, dir, Actor.localUser(), 8, 150, 5, 41);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            MonitoringViewModel vm = new MonitoringViewModel(engine.monitor(), Actor::localUser, new DirectBackground(), dialogs);
            vm.refreshOpenAlerts();
            assertThat(vm.openAlertsTextProperty().get()).as("nothing raised before the first run").isEmpty();

            vm.reload();
            assertThat(dialogs.errors).isEmpty();
            assertThat(vm.points()).hasSize(8).allSatisfy(p -> assertThat(p.auc()).isNotNull());
            assertThat(vm.points().get(5).auc()).isLessThan(vm.points().get(4).auc());
            assertThat(vm.features()).contains("probability", "doctor mix", "text");
            assertThat(vm.heat()).filteredOn(c -> c.period().equals(MonitorStream.month(5)))
                    .extracting(MonitoringViewModel.HeatCell::level).containsOnly("drift");
            assertThat(vm.heat()).filteredOn(c -> c.period().compareTo(MonitorStream.month(5)) < 0)
                    .extracting(MonitoringViewModel.HeatCell::level).doesNotContain("drift");
            int open = vm.alerts().size();
            assertThat(open).isPositive();
            assertThat(vm.openAlertsTextProperty().get()).isEqualTo(open + " monitoring alerts");
            assertThat(vm.summaryProperty().get()).contains("1,200 predictions saved").contains("live AUC");

            assertThat(vm.canAcknowledgeProperty().get()).isFalse();
            vm.selectedAlertProperty().set(vm.alerts().get(0));
            assertThat(vm.canAcknowledgeProperty().get()).isTrue();
            vm.acknowledgeSelected();
            assertThat(vm.alerts().stream().filter(a -> !a.acknowledged()).count()).isEqualTo(open - 1);
            assertThat(vm.openAlertsTextProperty().get()).isEqualTo(MonitoringViewModel.openText(open - 1));

            engine.monitor().acknowledge(vm.alerts().stream().filter(a -> !a.acknowledged()).findFirst().orElseThrow().id(),
                    Actor.localUser());
            vm.refreshAlerts();
            assertThat(vm.alerts().stream().filter(a -> !a.acknowledged()).count()).as("settled elsewhere").isEqualTo(open - 2);
            assertThat(vm.openAlertsTextProperty().get()).isEqualTo(MonitoringViewModel.openText(open - 2));
        }
    }

    @Test
    void heatCellsAreGradedAgainstTheThresholds() {
        MonitoringSettings.Thresholds t = MonitoringSettings.Thresholds.DEFAULTS;
        DriftFinding calm = new DriftFinding("2026-01", "doctor mix", "training", 300, 0.05, null, null, null, List.of(), false);
        DriftFinding near = new DriftFinding("2026-02", "doctor mix", "training", 300, 0.15, null, null, null, List.of(), false);
        DriftFinding text = new DriftFinding("2026-03", "text", "training", 300, null, null, null, 0.3, List.of("vertigo"), true);
        assertThat(MonitoringViewModel.cell(calm, t).level()).isEqualTo("stable");
        assertThat(MonitoringViewModel.cell(near, t).level()).isEqualTo("watch");
        MonitoringViewModel.HeatCell drift = MonitoringViewModel.cell(text, t);
        assertThat(drift.level()).isEqualTo("drift");
        assertThat(drift.ratio()).isCloseTo(3.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(drift.tooltip()).contains("30.0% unseen tokens").contains("vertigo");
    }
}
