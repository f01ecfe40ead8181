package com.outcomedesk.ui.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real conflict between two sites and a PostgreSQL server, reviewed and decided on the Conflicts screen's model. */
@NeedsPostgres
class ConflictsViewModelTest {
    @TempDir Path dir;

    @Test
    void listsTheConflictShowsBothVersionsSideBySideAndSwapsThemEverywhere() {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            UUID id = f.concurrentEdit(a, b);
            AtomicInteger reloads = new AtomicInteger();
            ConflictsViewModel vm = new ConflictsViewModel(a.sync(), () -> SyncFixture.ADMIN, new DirectBackground(),
                    reloads::incrementAndGet);
            vm.refresh();
            assertThat(vm.conflicts()).hasSize(1);
            ConflictsViewModel.Row row = vm.conflicts().get(0);
            assertThat(row.record()).isEqualTo("appointment " + id.toString().substring(0, 8));
            assertThat(row.status()).isEqualTo("open");
            assertThat(vm.selectedProperty().get()).isEqualTo(row);
            assertThat(vm.messageProperty().get()).isEqualTo("1 open conflict.");

            String inUse = a.appointments().find(id).orElseThrow().summary();
            ConflictsViewModel.Field summary = vm.fields().stream().filter(x -> x.name().equals("Summary")).findFirst().orElseThrow();
            assertThat(summary.inUse()).isEqualTo(inUse);
            assertThat(summary.kept()).isNotEqualTo(inUse).isIn("Cough for three weeks.", "Cough, now with fever.");
            assertThat(summary.differs()).isTrue();
            assertThat(vm.fields()).filteredOn(x -> x.name().equals("Doctor")).singleElement()
                    .satisfies(doctor -> assertThat(doctor.differs()).isFalse());
            assertThat(vm.fields()).extracting(ConflictsViewModel.Field::name).contains("Changed by", "Changed at", "Site");
            assertThat(vm.canConfirmProperty().get()).isTrue();
            assertThat(vm.canSwapProperty().get()).isTrue();

            vm.useOther();
            assertThat(vm.messageProperty().get()).isEqualTo("Now using the other version of " + row.record() + ".");
            assertThat(reloads).hasValue(1);
            assertThat(vm.conflicts()).isEmpty();
            assertThat(a.appointments().find(id).orElseThrow().summary()).isEqualTo(summary.kept());
            f.syncUntilQuiet();
            assertThat(b.appointments().find(id).orElseThrow().summary()).isEqualTo(summary.kept());
            assertThat(a.auditLog().list(new AuditQuery(null, "sync.conflict.swap", null, null, null, null, 5),
                    SyncFixture.ADMIN)).extracting(AuditEntry::entityId).containsExactly(row.conflict().id().toString());

            vm.showResolvedProperty().set(true);
            assertThat(vm.conflicts()).singleElement().satisfies(r -> assertThat(r.status()).isEqualTo("used the other version"));
            assertThat(vm.canConfirmProperty().get()).as("a decided conflict is not decided again").isFalse();
            assertThat(vm.decisionHintProperty().get()).startsWith("Decided: used the other version by admin");
        }
    }

    @Test
    void keepThisVersionConfirmsAndAClinicianMayLookButNotDecide() {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            UUID id = f.concurrentEdit(a, b);
            String inUse = a.appointments().find(id).orElseThrow().summary();

            ConflictsViewModel clinician = new ConflictsViewModel(a.sync(), () -> new Actor("carol", Role.CLINICIAN),
                    new DirectBackground(), () -> { });
            clinician.refresh();
            assertThat(clinician.conflicts()).hasSize(1);
            assertThat(clinician.fields()).isNotEmpty();
            assertThat(clinician.canConfirmProperty().get()).isFalse();
            assertThat(clinician.canSwapProperty().get()).isFalse();
            assertThat(clinician.decisionHintProperty().get()).isEqualTo("Only an administrator can decide a conflict.");

            ConflictsViewModel admin = new ConflictsViewModel(a.sync(), () -> SyncFixture.ADMIN, new DirectBackground(), () -> { });
            admin.refresh();
            admin.keepInUse();
            assertThat(admin.conflicts()).isEmpty();
            assertThat(a.appointments().find(id).orElseThrow().summary()).isEqualTo(inUse);
            f.syncUntilQuiet();
            assertThat(b.sync().status().openConflicts()).isZero();
        }
    }
}
