package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.NeedsPostgres;
import java.nio.file.Path;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sites sync through the OutcomeDesk Server with no database login: same rules, same report, locked out when revoked. */
@NeedsPostgres
class HttpSyncTest {
    @TempDir Path dir;

    @Test
    void twoSitesShareAppointmentsAndKeepConcurrentEditsAsConflicts() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Engine a = f.site("clinic-a");
            Engine b = f.site("clinic-b");
            assertThat(a.sync().viaServer()).isTrue();
            StoredAppointment created = SyncFixture.create(a, "dr-1", "Cough for two weeks.");
            SyncReport first = f.sync(a);
            assertThat(first.pushedByTable().get("appointments")).isEqualTo(1);
            assertThat(first.server()).contains("OutcomeDesk Server");
            f.sync(b);
            assertThat(b.appointments().find(created.id())).isPresent();

            StoredAppointment onA = a.appointments().find(created.id()).orElseThrow();
            StoredAppointment onB = b.appointments().find(created.id()).orElseThrow();
            a.appointments().update(onA.id(), onA.rowVersion(), new com.outcomedesk.appointments.AppointmentInput(
                    "dr-1", "Cough for three weeks.", null, null, null), SyncFixture.ADMIN);
            b.appointments().update(onB.id(), onB.rowVersion(), new com.outcomedesk.appointments.AppointmentInput(
                    "dr-1", "Cough, now with fever.", null, null, null), SyncFixture.ADMIN);
            f.sync(a);
            SyncReport second = f.sync(b);
            assertThat(second.conflicts()).isEqualTo(1);
            SiteOps.randomWork(a, new Random(3), 20);
            SiteOps.randomWork(b, new Random(4), 20);
            f.syncUntilQuiet();

            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
            assertThat(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
            // The random work edits the same few rows on both sites, so more conflicts may follow; all are kept on both.
            assertThat(a.sync().conflicts(false)).hasSameSizeAs(b.sync().conflicts(false)).isNotEmpty();
            assertThat(b.sync().status().pending()).isZero();
        }
    }

    @Test
    void aRevokedSiteIsRefusedAtOnceAndKeepsItsData() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Engine a = f.site("clinic-a");
            SyncFixture.create(a, "dr-1", "Seen before the revocation.");
            f.sync(a);
            f.serverEngine.sync().sites().suspend("clinic-a", SyncFixture.ADMIN);
            UUID later = SyncFixture.create(a, "dr-2", "Written while suspended.").id();
            assertThatThrownBy(() -> a.sync().sync(1)).isInstanceOf(SiteRefusedException.class)
                    .hasMessageContaining("suspended").hasMessageContaining("intact");
            f.serverEngine.sync().sites().resume("clinic-a", SyncFixture.ADMIN);
            f.sync(a);
            assertThat(f.serverEngine.appointments().find(later)).isPresent();

            f.serverEngine.sync().sites().revoke("clinic-a", SyncFixture.ADMIN);
            SyncFixture.create(a, "dr-3", "Written after the revocation.");
            long before = a.sync().pending();
            assertThatThrownBy(() -> a.sync().sync(1)).isInstanceOf(SiteRefusedException.class)
                    .hasMessageContaining("revoked");
            assertThat(a.sync().pending()).isEqualTo(before).isPositive();
            assertThat(FaultInjectionTest.count(a, "appointments")).isEqualTo(3);
            assertThat(FaultInjectionTest.count(f.serverEngine, "appointments")).isEqualTo(2);
        }
    }
}
