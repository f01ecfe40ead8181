package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsPostgres
class SyncEngineTest {
    @TempDir Path dir;

    @Test
    void appointmentsTravelBothWaysAndConcurrentEditsKeepTheLoser() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            StoredAppointment created = SyncFixture.create(a, "dr-1", "Cough for two weeks.");
            SyncReport first = f.sync(a);
            assertThat(first.pushedByTable()).containsEntry("appointments", 1L);
            assertThat(f.sync(b).pulledByTable()).containsEntry("appointments", 1L);
            assertThat(b.appointments().find(created.id())).isPresent();

            // Both sites edit the same appointment before syncing.
            StoredAppointment onA = a.appointments().find(created.id()).orElseThrow();
            StoredAppointment onB = b.appointments().find(created.id()).orElseThrow();
            a.appointments().update(onA.id(), onA.rowVersion(),
                    new AppointmentInput("dr-1", "Cough for three weeks.", null, null, null), SyncFixture.ADMIN);
            b.appointments().update(onB.id(), onB.rowVersion(),
                    new AppointmentInput("dr-1", "Cough, now with fever.", null, null, null), SyncFixture.ADMIN);
            f.sync(a);
            SyncReport second = f.sync(b);
            assertThat(second.conflicts()).isEqualTo(1);
            f.syncUntilQuiet();

            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
            String winner = a.appointments().find(created.id()).orElseThrow().summary();
            List<ConflictView> conflicts = a.sync().conflicts(false);
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0).kept().get("summary")).isNotEqualTo(winner)
                    .isIn("Cough for three weeks.", "Cough, now with fever.");
            assertThat(b.sync().status().openConflicts()).isEqualTo(1);

            // An administrator swaps: the kept version becomes current everywhere, the other is kept instead.
            String loser = (String) conflicts.get(0).kept().get("summary");
            ConflictView swapped = a.sync().resolve(conflicts.get(0).id(), ConflictService.Decision.SWAP, SyncFixture.ADMIN);
            assertThat(swapped.kept().get("summary")).isEqualTo(winner);
            f.syncUntilQuiet();
            assertThat(b.appointments().find(created.id()).orElseThrow().summary()).isEqualTo(loser);
            assertThat(b.sync().status().openConflicts()).isZero();
            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void sameFileImportedAtTwoSitesGivesNoConflictsAndNoDuplicates() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            a.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, com.outcomedesk.common.ProgressListener.NONE);
            b.importer().importFile(TestStores.referenceSample(), SyncFixture.ADMIN, com.outcomedesk.common.ProgressListener.NONE);
            f.syncUntilQuiet();
            assertThat(a.appointments().counts().appointments()).isEqualTo(400);
            assertThat(a.sync().status().openConflicts()).isZero();
            assertThat(a.sync().status().pending()).isZero();
            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void outcomeMappingAndAuditTrailReachEverySite() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            a.outcomes().map("Lost to follow-up.", OutcomeCategory.NEUTRAL, SyncFixture.ADMIN);
            a.audit().record(SyncFixture.ADMIN, "test.action", "appointment", "x", null);
            f.syncUntilQuiet();
            assertThat(b.outcomes().mappings()).anyMatch(m -> m.outcomeText().equals("Lost to follow-up."));
            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void unreachableServerIsReportedNotThrownAndNothingIsLost() {
        try (Engine a = Engine.open(TestStores.h2(dir))) {
            SyncFixture.create(a, "dr-1", "Headache since this morning.");
            assertThat(a.sync().status().pending()).as("nothing is counted as waiting without a server").isZero();
            long pending = a.sync().pending();
            assertThat(pending).isPositive();
            SyncReport r = a.sync().sync(new ServerConfig("jdbc:postgresql://127.0.0.1:1/none", "x", "secret"), 3);
            assertThat(r.reachable()).isFalse();
            assertThat(r.complete()).isFalse();
            assertThat(r.attempts()).isEqualTo(1);
            assertThat(r.pending()).isEqualTo(pending); // the appointment and the audit entry of its creation
            assertThat(r.message()).contains("not reachable").doesNotContain("secret");
        }
    }

    @Test
    void onlyAdministratorsConfigureOrResolve() {
        try (Engine a = Engine.open(TestStores.h2(dir))) {
            Actor clinician = new Actor("c", Role.CLINICIAN);
            assertThatThrownBy(() -> a.sync().configure("jdbc:postgresql://h/db", "u", "p", clinician))
                    .hasMessageContaining("only an administrator");
            assertThatThrownBy(() -> a.sync().configure("jdbc:h2:mem:x", "u", "p", SyncFixture.ADMIN))
                    .hasMessageContaining("must be PostgreSQL");
        }
    }
}
