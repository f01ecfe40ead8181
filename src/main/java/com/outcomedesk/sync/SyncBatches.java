package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;

/**
 * The OutcomeDesk Server's ledger of applied push batches (V50), by site and batch id, with the answer sent: a batch
 * sent again gets that answer and changes nothing. Recorded right after the batch's own commit; a batch re-sent in
 * between meets the rules' own idempotence (same version: nothing to write; conflict ids derive from both versions).
 */
final class SyncBatches {
    /** A site that re-sends a batch does so within its retries; a week covers a cut over a long weekend. */
    private static final int KEPT_DAYS = 7;

    private SyncBatches() {
    }

    static String key(String site, String batchId) {
        return SyncWire.sha256(site + "\n" + batchId);
    }

    /** The answer given to the batch, or null when it is new. */
    static String answer(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT answer FROM sync_batches WHERE batch_id = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                String answer = rs.next() ? rs.getString(1) : null;
                c.commit();
                return answer;
            }
        }
    }

    /** Records the answer; a batch recorded meanwhile by a racing re-send keeps its first answer. */
    static void record(Connection c, String key, String site, String table, String answer) throws SQLException {
        if (answer(c, key) != null) return;
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO sync_batches (batch_id, site_name, table_name, "
                + "answer, received_at) VALUES (?, ?, ?, ?, ?)")) {
            ps.setString(1, key);
            ps.setString(2, site);
            ps.setString(3, table);
            ps.setString(4, answer);
            ps.setObject(5, OffsetDateTime.now());
            ps.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            if (answer(c, key) == null) throw e;
        }
    }

    static void prune(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM sync_batches WHERE received_at < ?")) {
            ps.setObject(1, OffsetDateTime.now().minusDays(KEPT_DAYS));
            ps.executeUpdate();
        }
        c.commit();
    }
}
