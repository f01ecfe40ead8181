package com.outcomedesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsPostgres
class SyncStatusViewModelTest {
    @TempDir Path dir;
    private final Executor direct = Runnable::run;

    @Test
    void showsLocalOnlyThenOfflineWithPendingChanges() {
        try (Engine engine = Engine.open(TestStores.h2(dir));
             SyncStatusViewModel vm = new SyncStatusViewModel(engine.sync(), direct, direct)) {
            vm.refresh();
            assertThat(vm.textProperty().get()).isEqualTo("Local only");

            SyncSettingsViewModel settings = new SyncSettingsViewModel(engine.sync(), new Actor("a", Role.ADMINISTRATOR),
                    direct, direct);
            settings.modeProperty().set(SyncSettingsViewModel.Mode.DIRECT);
            settings.hostProperty().set("127.0.0.1");
            settings.portProperty().set("1");
            settings.databaseProperty().set("none");
            settings.userProperty().set("desk");
            settings.tlsProperty().set(false);
            assertThat(settings.save()).isTrue();

            vm.syncNow();
            assertThat(vm.reachableProperty().get()).isFalse();
            assertThat(vm.syncingProperty().get()).isFalse();
            assertThat(vm.pendingProperty().get()).isPositive(); // the audit entry of the configuration
            assertThat(vm.textProperty().get()).contains("never").contains("offline");
            assertThat(vm.detailProperty().get()).contains("not reachable");
        }
    }

    @Test
    void everySyncThatBringsRowsInGrowsThePulledCountSoScreensReload() {
        String schema = TestStores.createPostgresSchema();
        String server = TestStores.PG_URL + "?currentSchema=" + schema;
        Actor admin = new Actor("admin", Role.ADMINISTRATOR);
        try (Engine a = Engine.open(TestStores.h2(dir.resolve("a")));
             Engine b = Engine.open(TestStores.h2(dir.resolve("b")));
             SyncStatusViewModel vm = new SyncStatusViewModel(b.sync(), direct, direct)) {
            a.sync().configure(server, TestStores.PG_USER, "", admin);
            b.sync().configure(server, TestStores.PG_USER, "", admin);
            java.util.List<Long> seen = new java.util.ArrayList<>();
            vm.pulledProperty().addListener((o, was, now) -> seen.add(now.longValue() - was.longValue()));

            for (String summary : java.util.List.of("Headache for 2 days.", "Cough and fever.")) {
                a.appointments().create(new com.outcomedesk.appointments.AppointmentInput("dr_sync", summary, null,
                        null, null), admin);
                a.sync().sync(1);
                vm.syncNow();
            }
            assertThat(seen).as("one growth per sync that pulled rows").hasSize(2).allMatch(n -> n > 0);
            assertThat(b.appointments().count(com.outcomedesk.appointments.AppointmentQuery.ALL)).isEqualTo(2);
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    @Test
    void cliniciansCannotChangeTheServer() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            SyncSettingsViewModel settings = new SyncSettingsViewModel(engine.sync(), new Actor("c", Role.CLINICIAN),
                    direct, direct);
            assertThat(settings.editable()).isFalse();
            settings.modeProperty().set(SyncSettingsViewModel.Mode.DIRECT);
            settings.hostProperty().set("h");
            settings.userProperty().set("desk");
            assertThat(settings.save()).isFalse();
            assertThat(settings.errorProperty().get()).contains("administrator");
        }
    }
}
