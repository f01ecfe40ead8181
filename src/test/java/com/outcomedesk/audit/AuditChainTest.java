package com.outcomedesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keyed links on this site's chain, legacy plain links before them, other sites' chains, and checkpoints. */
class AuditChainTest {
    @TempDir Path dir;
    private final Actor admin = Actor.localUser();

    private String url() {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("outcome-desk");
    }

    private AuditLog.Verification verify() {
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            return engine.auditLog().verify(admin);
        }
    }

    @Test
    void legacyPlainEntriesAreKeptAndSealedByTheEntryThatStartsKeyedLinks() throws Exception {
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            engine.settings().siteId();
        }
        String site = ChainForger.siteOf(url());
        for (int seq = 1; seq <= 3; seq++) insert(site, seq, "x", "x");
        ChainForger.relinkPlain(url(), site, 1);

        AuditLog.Verification upgraded = verify();
        assertThat(upgraded.intact()).as("%s", upgraded.firstBreak()).isTrue();
        AuditLog.Chain chain = upgraded.chains().get(0);
        assertThat(chain.thisSite()).isTrue();
        assertThat(chain.check()).isEqualTo(AuditLog.Check.KEYED_LINKS);
        assertThat(chain.plainEntries()).isEqualTo(3);
        assertThat(chain.keyedFrom()).isEqualTo(4);

        // The documented limit: deleting the sealing entry and all after it is deleting the newest entries.
        ChainForger.sql(url(), "DELETE FROM audit_log WHERE seq > 3");
        ChainForger.sql(url(), "UPDATE audit_log SET details = 'forged' WHERE seq = 2");
        ChainForger.relinkPlain(url(), site, 2);
        assertThat(verify().intact()).as("only a checkpoint shows this").isTrue();
    }

    @Test
    void aLegacyEntryEditedUnderTheSealIsDetected() throws Exception {
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            engine.settings().siteId();
        }
        String site = ChainForger.siteOf(url());
        for (int seq = 1; seq <= 3; seq++) insert(site, seq, "x", "x");
        ChainForger.relinkPlain(url(), site, 1);
        assertThat(verify().intact()).isTrue();

        ChainForger.sql(url(), "UPDATE audit_log SET details = 'forged' WHERE seq = 2");
        ChainForger.relinkPlain(url(), site, 2);
        ChainForger.sql(url(), "UPDATE audit_log SET prev_hash = (SELECT hash FROM audit_log WHERE seq = 3 AND site_id = '"
                + site + "'), hash = 'f' WHERE seq = 4 AND site_id = '" + site + "'");
        AuditLog.Verification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBreak().seq()).isEqualTo(4);
        assertThat(v.firstBreak().reason()).contains("keyed link");
    }

    @Test
    void otherSitesAreCheckedForGapsAndLinksOnly() throws Exception {
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            engine.audit().record(admin, "import", null, null, "n=1");
        }
        insert("zz-far-site", 1, "0".repeat(64), "a1");
        insert("zz-far-site", 2, "a1", "a2");
        insert("zz-far-site", 3, "a2", "a3");
        AuditLog.Verification v = verify();
        assertThat(v.intact()).as("%s", v.firstBreak()).isTrue();
        assertThat(v.chains()).extracting(AuditLog.Chain::check)
                .containsExactly(AuditLog.Check.KEYED_LINKS, AuditLog.Check.GAPS_AND_LINKS_ONLY);

        ChainForger.sql(url(), "DELETE FROM audit_log WHERE site_id = 'zz-far-site' AND seq = 2");
        AuditLog.Verification gap = verify();
        assertThat(gap.intact()).isFalse();
        assertThat(gap.firstBreak().site()).isEqualTo("zz-far-site");
        assertThat(gap.firstBreak().reason()).contains("entry 2 is missing");
    }

    @Test
    void aDeletedMiddleEntryOfThisSiteIsDetected() throws Exception {
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            for (int i = 0; i < 5; i++) engine.audit().record(admin, "import", null, null, "n=" + i);
        }
        ChainForger.sql(url(), "DELETE FROM audit_log WHERE seq = 3");
        AuditLog.Verification v = verify();
        assertThat(v.intact()).isFalse();
        assertThat(v.firstBreak().reason()).contains("entry 3 is missing");
    }

    @Test
    void aCheckpointShowsThatTheNewestEntriesWereDeleted() throws Exception {
        AuditCheckpoint checkpoint;
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            for (int i = 0; i < 5; i++) engine.audit().record(admin, "import", null, null, "n=" + i);
            checkpoint = engine.auditLog().checkpoint(admin);
        }
        assertThat(checkpoint.lastSeq()).isEqualTo(5);
        assertThat(checkpoint.count()).isEqualTo(5);
        ChainForger.sql(url(), "DELETE FROM audit_log WHERE seq >= 4");
        try (Engine engine = Engine.open(StoreLocation.of(dir, null))) {
            assertThat(engine.auditLog().verify(admin).intact()).as("the chain alone cannot show it").isTrue();
            AuditLog.Verification v = engine.auditLog().verify(admin, checkpoint);
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBreak().reason()).contains("were deleted since the checkpoint");
        }
    }

    private void insert(String site, long seq, String prev, String hash) throws Exception {
        try (Connection c = DriverManager.getConnection(url()); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO audit_log (id, seq, occurred_at, user_name, action, site_id, prev_hash, hash)"
                        + " VALUES (?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setLong(2, seq);
            ps.setObject(3, OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).plusMinutes(seq));
            ps.setString(4, "old");
            ps.setString(5, "import");
            ps.setString(6, site);
            ps.setString(7, prev);
            ps.setString(8, hash);
            ps.executeUpdate();
        }
    }
}
