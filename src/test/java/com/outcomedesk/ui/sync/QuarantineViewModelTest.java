package com.outcomedesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A record held back by sync, listed beside the conflicts and repaired there, so that the next sync sends it. */
@NeedsPostgres
class QuarantineViewModelTest {
    @TempDir Path dir;

    @Test
    void listsTheHeldBackRecordWithFieldAndReasonAndRepairsItForTheNextSync() {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            UUID id = SyncFixture.create(a, "dr-1", "Cough for two weeks.").id();
            a.database().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE appointments SET summary = ? WHERE id = ?")) {
                    ps.setString(1, "Cough\u0000 for two weeks.");
                    ps.setObject(2, id);
                    return ps.executeUpdate();
                }
            });
            f.sync(a);

            QuarantineViewModel clinician = new QuarantineViewModel(a.sync(), () -> new Actor("carol", Role.CLINICIAN),
                    new DirectBackground(), () -> { });
            clinician.refresh();
            assertThat(clinician.entries()).hasSize(1);
            assertThat(clinician.canRepairProperty().get()).isFalse();
            assertThat(clinician.messageProperty().get()).isEqualTo("1 record held back by sync. An administrator can repair them.");

            AtomicInteger changed = new AtomicInteger();
            QuarantineViewModel vm = new QuarantineViewModel(a.sync(), () -> SyncFixture.ADMIN, new DirectBackground(),
                    changed::incrementAndGet);
            vm.refresh();
            QuarantineViewModel.Row row = vm.entries().get(0);
            assertThat(row.record()).isEqualTo("appointment " + id.toString().substring(0, 8));
            assertThat(row.field()).isEqualTo("summary");
            assertThat(row.reason()).isEqualTo("holds a control character at character 6");
            assertThat(vm.selectedProperty().get()).isEqualTo(row);
            assertThat(vm.canRepairProperty().get()).isTrue();

            vm.repair();
            assertThat(vm.messageProperty().get()).isEqualTo("Repaired " + row.record() + "; the next sync sends it.");
            assertThat(vm.entries()).isEmpty();
            assertThat(vm.canRepairAllProperty().get()).isFalse();
            assertThat(changed).hasValue(1);
            assertThat(a.appointments().find(id).orElseThrow().summary()).isEqualTo("Cough for two weeks.");
            assertThat(f.sync(a).pushedByTable()).containsEntry("appointments", 1L);
            assertThat(a.sync().status().quarantined()).isZero();
        }
    }
}
