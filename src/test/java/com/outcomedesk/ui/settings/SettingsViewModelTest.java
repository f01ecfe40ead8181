package com.outcomedesk.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.common.AccessDeniedException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.settings.DateFormatChoice;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsViewModelTest {
    static final Actor ADMIN = new Actor("alice", Role.ADMINISTRATOR);
    static final Actor CLINICIAN = new Actor("carol", Role.CLINICIAN);
    @TempDir Path dir;

    @Test
    void showsTheStoredSettingsExplainsBadInputSavesOnlyWhatChangedAppliesItAndAuditsIt() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            List<DateFormatChoice> formats = new ArrayList<>();
            List<Integer> intervals = new ArrayList<>();
            SettingsViewModel vm = viewModel(engine, ADMIN, formats, intervals);
            vm.load();
            assertThat(vm.idleMinutesProperty().get()).isEqualTo("10");
            assertThat(vm.mediumProperty().get()).isEqualTo("0.25");
            assertThat(vm.highProperty().get()).isEqualTo("0.5");
            assertThat(vm.dateFormatProperty().get()).isEqualTo(DateFormatChoice.LOCALE);
            assertThat(vm.syncMinutesProperty().get()).isEqualTo("5");
            assertThat(vm.changedProperty().get()).isFalse();

            vm.idleMinutesProperty().set("0");
            assertThat(vm.idleProblemProperty().get())
                    .isEqualTo("The idle lock must be a whole number of minutes from 1 to 240; \"0\" is not.");
            vm.idleMinutesProperty().set("");
            assertThat(vm.idleProblemProperty().get()).isEqualTo("The idle lock needs a number of minutes, 1 to 240.");
            vm.mediumProperty().set("0.6");
            assertThat(vm.riskProblemProperty().get()).isEqualTo("High risk must start above medium risk (now 0.6 and 0.5).");
            vm.highProperty().set("abc");
            assertThat(vm.riskProblemProperty().get()).isEqualTo("High risk starts at a probability between 0 and 1, such as 0.5.");
            vm.syncMinutesProperty().set("2000");
            assertThat(vm.syncProblemProperty().get()).startsWith("The sync interval must be a whole number of minutes from 0 to 1440");
            assertThat(vm.validProperty().get()).isFalse();
            vm.save();
            assertThat(vm.messageProperty().get()).startsWith("Not saved: correct the settings");
            assertThat(engine.securitySettings().idleLock()).isEqualTo(Duration.ofMinutes(10));

            vm.revert();
            assertThat(vm.idleMinutesProperty().get()).isEqualTo("10");
            assertThat(vm.changedProperty().get()).isFalse();

            vm.idleMinutesProperty().set(" 15 ");
            vm.mediumProperty().set("0,3");
            vm.highProperty().set("0.7");
            vm.dateFormatProperty().set(DateFormatChoice.DAY_FIRST);
            vm.syncMinutesProperty().set("0");
            assertThat(vm.validProperty().get()).isTrue();
            assertThat(vm.changedProperty().get()).isTrue();
            vm.save();
            assertThat(vm.messageProperty().get()).startsWith("Saved.");
            assertThat(vm.changedProperty().get()).isFalse();
            assertThat(engine.securitySettings().idleLock()).isEqualTo(Duration.ofMinutes(15));
            assertThat(engine.predictions().riskTiers()).isEqualTo(new RiskTiers(0.3, 0.7));
            assertThat(engine.displaySettings().dateFormat()).isEqualTo(DateFormatChoice.DAY_FIRST);
            assertThat(engine.sync().intervalMinutes()).isZero();
            assertThat(formats).containsExactly(DateFormatChoice.DAY_FIRST);
            assertThat(intervals).containsExactly(0);
            assertThat(engine.auditLog().list(new AuditQuery(null, "setting-change", null, null, null, null, 10), ADMIN))
                    .extracting(AuditEntry::entityId).containsExactlyInAnyOrder("security.idle_lock_minutes",
                            "learn.risk_cutoffs", "display.date_format", "sync.interval_minutes");

            vm.syncMinutesProperty().set("30");
            vm.save();
            assertThat(intervals).containsExactly(0, 30);
            assertThat(formats).as("only what changed is applied").containsExactly(DateFormatChoice.DAY_FIRST);
            assertThat(engine.auditLog().list(new AuditQuery(null, "setting-change", null, null, null, null, 10), ADMIN))
                    .as("only what changed is saved").hasSize(5);
        }
    }

    @Test
    void theEngineRefusesAClinicianAndTheScreenSaysSo() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            assertThatThrownBy(() -> engine.displaySettings().setDateFormat(DateFormatChoice.ISO, CLINICIAN))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> engine.sync().setIntervalMinutes(10, CLINICIAN)).isInstanceOf(AccessDeniedException.class);
            SettingsViewModel vm = viewModel(engine, CLINICIAN, new ArrayList<>(), new ArrayList<>());
            vm.load();
            vm.idleMinutesProperty().set("20");
            vm.save();
            assertThat(vm.messageProperty().get()).isEqualTo("Not saved: carol is a clinician; only an administrator can "
                    + "change the security settings.");
            assertThat(engine.securitySettings().idleLock()).isEqualTo(Duration.ofMinutes(10));
        }
    }

    private static SettingsViewModel viewModel(Engine engine, Actor actor, List<DateFormatChoice> formats,
                                               List<Integer> intervals) {
        return new SettingsViewModel(engine.securitySettings(), engine.predictions(), engine.displaySettings(),
                engine.sync(), actor, new DirectBackground(), formats::add, intervals::add);
    }
}
