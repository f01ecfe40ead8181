package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.SettableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over HTTP, against a real OutcomeDesk Server on H2 ({@link PostgresSiteScopeSyncTest}: on PostgreSQL): a site
 * scoped by the server's administrator pulls only its scope and is refused (403, audited) outside it; a conflict of
 * two sites is resolved from a site as in the direct mode and converges; a site a month offline rejoins.
 */
class SiteScopeSyncTest {
    @TempDir Path dir;

    boolean postgres() {
        return false;
    }

    @Test
    void aScopedSiteSeesAndChangesOnlyItsScope() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir, postgres())) {
            Engine a = f.site("clinic-a");
            Engine b = f.site("clinic-b");
            UUID ofA = SyncFixture.create(a, "dr-1", "Seen at clinic A first.").id();
            UUID ofB = SyncFixture.create(b, "dr-2", "Seen at clinic B first.").id();
            f.syncUntilQuiet();
            assertThat(b.appointments().find(ofA)).as("the whole network by default").isPresent();

            SiteRegistry registry = f.serverEngine.sync().sites();
            assertThatThrownBy(() -> registry.scope("clinic-b", "*", "clinic-b", SyncFixture.ADMIN))
                    .hasMessageContaining("must lie within its pull scope");
            SiteRegistry.Site scoped = registry.scope("clinic-b", "clinic-b", "clinic-b", SyncFixture.ADMIN);
            assertThat(scoped.pullScope()).isEqualTo("clinic-b");

            UUID laterOfA = SyncFixture.create(a, "dr-1", "Seen at clinic A later.").id();
            f.sync(a);
            edit(b, ofA, "Edited at clinic B, outside its scope.");
            edit(b, ofB, "Edited at clinic B, its own.");
            SyncReport r = f.sync(b);

            assertThat(b.appointments().find(laterOfA)).as("outside the pull scope").isEmpty();
            assertThat(f.serverEngine.appointments().find(ofB).orElseThrow().summary()).isEqualTo("Edited at clinic B, its own.");
            assertThat(f.serverEngine.appointments().find(ofA).orElseThrow().summary()).isEqualTo("Seen at clinic A first.");
            assertThat(r.quarantined()).isEqualTo(1);
            assertThat(b.sync().quarantine()).singleElement().satisfies(q -> {
                assertThat(q.entityId()).isEqualTo(ofA.toString());
                assertThat(q.reason()).contains("outside this site's push scope");
            });
            assertThat(b.sync().pending()).as("the refused edit stays, nothing lost").isEqualTo(1);
            long refused = f.serverEngine.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = "
                    + "'sync.push.refused' AND user_name = 'site:clinic-b' AND details LIKE '%why=scope%'").mapTo(Long.class).one());
            assertThat(refused).isEqualTo(1);

            // Widened again, the site gets what it skipped meanwhile and its held edit goes; all converge.
            registry.scope("clinic-b", "*", "*", SyncFixture.ADMIN);
            f.syncUntilQuiet();
            assertThat(b.appointments().find(laterOfA)).isPresent();
            assertThat(f.serverEngine.appointments().find(ofA).orElseThrow().summary()).isEqualTo("Edited at clinic B, outside its scope.");
            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
            assertThat(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void aConflictOfTwoSitesIsResolvedFromASiteAndConverges() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir, postgres())) {
            Engine a = f.site("clinic-a");
            Engine b = f.site("clinic-b");
            UUID id = SyncFixture.create(a, "dr-1", "Cough for two weeks.").id();
            f.syncUntilQuiet();
            // Both edit the row offline, then both sync through the server.
            edit(a, id, "Cough for three weeks.");
            edit(b, id, "Cough, now with fever.");
            f.sync(a);
            assertThat(f.sync(b).conflicts()).isEqualTo(1);
            f.syncUntilQuiet();

            ConflictView onA = a.sync().conflicts(false).stream().filter(c -> c.entityId().equals(id.toString()))
                    .findFirst().orElseThrow();
            assertThat(b.sync().conflicts(false)).extracting(ConflictView::id).containsExactly(onA.id());
            String inUse = a.appointments().find(id).orElseThrow().summary();
            String kept = (String) onA.kept().get("summary");
            assertThat(kept).isNotEqualTo(inUse);
            assertThat(a.sync().inUse(onA).get("summary")).isEqualTo(inUse);

            ConflictView swapped = a.sync().resolve(onA.id(), ConflictService.Decision.SWAP, SyncFixture.ADMIN);
            assertThat(swapped.status()).isEqualTo("swapped");
            assertThat(swapped.resolvedBy()).isEqualTo("admin@clinic-a");
            f.syncUntilQuiet();

            for (Engine e : List.of(a, b, f.serverEngine)) {
                assertThat(e.appointments().find(id).orElseThrow().summary()).isEqualTo(kept);
                assertThat(e.sync().conflicts(false)).isEmpty();
            }
            assertThat(b.sync().conflicts(true)).singleElement().satisfies(c -> assertThat(c.status()).isEqualTo("swapped"));
            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
            assertThat(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
            assertThatThrownBy(() -> b.sync().resolve(onA.id(), ConflictService.Decision.CONFIRM, SyncFixture.ADMIN))
                    .hasMessageContaining("already swapped");
            long audited = f.serverEngine.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = "
                    + "'sync.conflict.swap' AND user_name = 'site:clinic-a'").mapTo(Long.class).one());
            assertThat(audited).isEqualTo(1);
        }
    }

    @Test
    void aSiteOfflineForAMonthRejoinsAndConverges() throws Exception {
        Instant monthAgo = Instant.now().minus(Duration.ofDays(31));
        SettableClock clockA = new SettableClock(monthAgo);
        SettableClock clockB = new SettableClock(monthAgo);
        try (HttpSyncFixture f = new HttpSyncFixture(dir, postgres())) {
            Engine a = f.site("clinic-a", clockA);
            Engine b = f.site("clinic-b", clockB);
            List<UUID> shared = new ArrayList<>();
            for (int i = 0; i < 300; i++) shared.add(SyncFixture.create(a, "dr-" + i % 7, "Visit " + i + " before the month.").id());
            f.syncUntilQuiet();

            // A month: clinic B works and syncs every day; clinic A works offline, editing some of the same rows.
            Random random = new Random(15);
            for (int day = 1; day <= 30; day++) {
                clockA.set(monthAgo.plus(Duration.ofDays(day)));
                clockB.set(monthAgo.plus(Duration.ofDays(day)).plusSeconds(3600));
                for (int i = 0; i < 10; i++) {
                    edit(a, shared.get(random.nextInt(150)), "Edited offline at A on day " + day + " #" + i + ".");
                    edit(b, shared.get(100 + random.nextInt(200)), "Edited at B on day " + day + " #" + i + ".");
                    SyncFixture.create(a, "dr-a", "New at A on day " + day + " #" + i + ".");
                    SyncFixture.create(b, "dr-b", "New at B on day " + day + " #" + i + ".");
                }
                f.sync(b);
            }
            clockA.set(Instant.now());
            clockB.set(Instant.now());
            SyncReport back = f.sync(a);
            assertThat(back.pulled()).as("a month of B's changes").isGreaterThan(300);
            f.syncUntilQuiet();

            long expected = 300 + 2 * 30 * 10;
            for (Engine e : List.of(a, b, f.serverEngine)) {
                long rows = FaultInjectionTest.count(e, "appointments");
                long distinct = e.database().jdbi(h -> h.createQuery("SELECT COUNT(DISTINCT id) FROM appointments")
                        .mapTo(Long.class).one());
                assertThat(rows).isEqualTo(expected).isEqualTo(distinct);
            }
            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
            assertThat(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
            // A's edits of rows B never touched went through; the rows both edited keep the loser as a conflict.
            StoredAppointment onlyA = null;
            for (UUID id : shared.subList(0, 100)) {
                StoredAppointment s = f.serverEngine.appointments().find(id).orElseThrow();
                if (s.summary().startsWith("Edited offline at A")) onlyA = s;
            }
            assertThat(onlyA).as("an edit made offline at A reached the server").isNotNull();
            assertThat(a.sync().conflicts(false)).isNotEmpty().hasSameSizeAs(b.sync().conflicts(false));
            assertThat(a.sync().pending()).isZero();
            assertThat(b.sync().pending()).isZero();
        }
    }

    private static void edit(Engine site, UUID id, String summary) {
        StoredAppointment s = site.appointments().find(id).orElseThrow();
        site.appointments().update(id, s.rowVersion(), new AppointmentInput(s.doctorId(), summary, s.appointmentDate(),
                s.patientRef(), null), SyncFixture.ADMIN);
    }
}
