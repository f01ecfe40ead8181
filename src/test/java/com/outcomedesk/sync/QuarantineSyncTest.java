package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows sync cannot exchange are held back by name with field and reason, and the rest syncs on. */
@NeedsPostgres
class QuarantineSyncTest {
    @TempDir Path dir;

    @Test
    void anOldStoresBrokenRowsAreQuarantinedTheRestSyncsAndRepairedRowsFollow() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            Engine b = f.site();
            for (int i = 0; i < 3; i++) SyncFixture.create(a, "dr-1", "Cough for " + i + " weeks.");
            UUID nul = SyncFixture.create(a, "dr-1", "Placeholder summary one.").id();
            UUID surrogate = SyncFixture.create(a, "dr-2", "Placeholder summary two.").id();
            // As a store written before the text rule holds them.
            storeDirectly(a, nul, "summary", "Fever\u0000 since Monday.");
            storeDirectly(a, surrogate, "patient_ref", "P-\uD800-7");

            SyncReport first = f.sync(a);
            assertThat(first.pushedByTable()).containsEntry("appointments", 3L);
            assertThat(first.quarantined()).isEqualTo(2);
            assertThat(a.sync().quarantine()).extracting(QuarantineEntry::entityId, QuarantineEntry::field,
                    QuarantineEntry::reason, QuarantineEntry::direction).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple(nul.toString(), "summary",
                            "holds a control character at character 6", "push"),
                    org.assertj.core.groups.Tuple.tuple(surrogate.toString(), "patient_ref",
                            "holds a broken character (not valid Unicode) at character 3", "push"));
            assertThat(a.sync().status().quarantined()).isEqualTo(2);
            assertThat(f.sync(b).pulledByTable()).containsEntry("appointments", 3L);

            assertThat(a.sync().repairAll(SyncFixture.ADMIN)).isEqualTo(2);
            assertThat(a.sync().quarantine()).isEmpty();
            SyncReport second = f.sync(a);
            assertThat(second.pushedByTable()).containsEntry("appointments", 2L);
            assertThat(second.quarantined()).isZero();
            f.syncUntilQuiet();
            assertThat(b.appointments().find(nul).orElseThrow().summary()).isEqualTo("Fever since Monday.");
            assertThat(b.appointments().find(surrogate).orElseThrow().patientRef()).isEqualTo("P-\uFFFD-7");
            assertThat(a.sync().pending()).isZero();
            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void aRowTheServerRefusesIsFoundInItsBatchQuarantinedAndTriedAgainNextTime() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            f.sync(a);
            onServer(f, "ALTER TABLE appointments ADD CONSTRAINT no_refuse CHECK (summary NOT LIKE '%refuse me%')");
            UUID refused = null;
            for (int i = 0; i < 20; i++) {
                StoredAppointment created = SyncFixture.create(a, "dr-1", i == 13 ? "Please refuse me now." : "Visit number " + i + " today.");
                if (i == 13) refused = created.id();
            }
            SyncReport first = f.sync(a);
            assertThat(first.pushedByTable()).containsEntry("appointments", 19L);
            assertThat(a.sync().quarantine()).singleElement().satisfies(e -> {
                assertThat(e.field()).isNull();
                assertThat(e.reason()).isEqualTo("refused by the server (SQLSTATE 23514)");
            }).extracting(QuarantineEntry::entityId).isEqualTo(refused.toString());
            assertThat(a.sync().pending()).isEqualTo(1);
            // Its text keeps the rule: there is nothing to repair, and the next sync tries it again.
            assertThat(a.sync().repair(refused.toString(), SyncFixture.ADMIN)).isFalse();

            onServer(f, "ALTER TABLE appointments DROP CONSTRAINT no_refuse");
            SyncReport second = f.sync(a);
            assertThat(second.pushedByTable()).containsEntry("appointments", 1L);
            assertThat(second.quarantined()).isZero();
            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
        }
    }

    @Test
    void aPulledRowBreakingTheRuleIsStoredListedAndItsRepairReachesTheServer() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            UUID id = SyncFixture.create(a, "dr-1", "Cough for two weeks.").id();
            f.sync(a);
            // Written on the server directly (PostgreSQL takes U+0001), then numbered and pulled by the next sync.
            try (Connection c = DriverManager.getConnection(f.url(), TestStores.PG_USER, null);
                 PreparedStatement ps = c.prepareStatement("UPDATE appointments SET summary = ?, hlc = hlc + 1 WHERE id = ?")) {
                ps.setString(1, "Cough\u0001 for two weeks.");
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            SyncReport pulled = f.sync(a);
            assertThat(pulled.quarantined()).isEqualTo(1);
            assertThat(a.sync().quarantine()).singleElement().extracting(QuarantineEntry::field, QuarantineEntry::direction)
                    .containsExactly("summary", "pull");

            assertThat(a.sync().repair(id.toString(), SyncFixture.ADMIN)).isTrue();
            f.syncUntilQuiet();
            assertThat(a.sync().quarantine()).isEmpty();
            assertThat(SyncFixture.checksum(a)).isEqualTo(f.serverChecksum());
            Engine b = f.site();
            f.sync(b);
            assertThat(b.appointments().find(id).orElseThrow().summary()).isEqualTo("Cough for two weeks.");
        }
    }

    @Test
    void aBrokenOutcomeMappingIsHeldBackAndTheMappingScreenRefusesOne() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            a.outcomes().map("Recovered slowly", com.outcomedesk.outcome.OutcomeCategory.NEUTRAL, SyncFixture.ADMIN);
            a.outcomes().map("Worse again", com.outcomedesk.outcome.OutcomeCategory.POOR, SyncFixture.ADMIN);
            a.database().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE outcome_mappings SET outcome_text = ? WHERE outcome_text = 'Worse again'")) {
                    ps.setString(1, "Worse\u0000 again");
                    return ps.executeUpdate();
                }
            });
            // An audit entry of an old store, likewise; its line breaks would be its own to keep.
            a.database().withConnection(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE audit_log SET details = ? WHERE seq = (SELECT MAX(seq) FROM audit_log)")) {
                    ps.setString(1, "line one\nline\uD800 two");
                    return ps.executeUpdate();
                }
            });
            SyncReport r = f.sync(a);
            assertThat(r.pushedByTable()).containsEntry("outcome_mappings", 1L);
            assertThat(a.sync().quarantine()).extracting(QuarantineEntry::entity, QuarantineEntry::field,
                    QuarantineEntry::reason).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("outcome_mapping", "outcome_text",
                            "holds a control character at character 6"),
                    org.assertj.core.groups.Tuple.tuple("audit_log", "details",
                            "holds a broken character (not valid Unicode) at character 14"));
            assertThat(r.pending()).isEqualTo(2);
            assertThat(a.sync().repairAll(SyncFixture.ADMIN)).isZero();
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.outcomes().map("Better\u0000",
                            com.outcomedesk.outcome.OutcomeCategory.NEUTRAL, SyncFixture.ADMIN))
                    .isInstanceOf(com.outcomedesk.appointments.InvalidInputException.class)
                    .hasMessage("outcome holds a control character at character 7.");
        }
    }

    @Test
    void aSyncTheServerStopsNeverQuotesTheRowsValues() throws Exception {
        try (SyncFixture f = new SyncFixture(dir)) {
            Engine a = f.site();
            f.sync(a);
            onServer(f, "ALTER TABLE outcome_mappings ADD CONSTRAINT no_secret CHECK (outcome_text NOT LIKE '%SECRET%')");
            a.outcomes().map("SECRET phrasing", com.outcomedesk.outcome.OutcomeCategory.NEUTRAL, SyncFixture.ADMIN);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> a.sync().sync(1))
                    .isInstanceOf(SyncException.class)
                    .hasMessageContaining("violates check constraint")
                    .hasMessageNotContaining("SECRET");
        }
    }

    static void storeDirectly(Engine site, UUID id, String column, String value) {
        site.database().withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE appointments SET " + column + " = ? WHERE id = ?")) {
                ps.setString(1, value);
                ps.setObject(2, id);
                ps.executeUpdate();
            }
            return null;
        });
    }

    private static void onServer(SyncFixture f, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(f.url(), TestStores.PG_USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
