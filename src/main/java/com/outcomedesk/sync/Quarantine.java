package com.outcomedesk.sync;

import com.outcomedesk.appointments.TextRule;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The local sync quarantine (table {@code sync_quarantine}): rows sync could not exchange (appointments above all;
 * also outcome mappings and append-only rows stored before the rule), each with the field and reason, never a value. A row breaking the {@link TextRule} is kept out of a push (PostgreSQL would refuse
 * a NUL and turn a lone surrogate into '?'), a row the server refuses likewise, and a pulled row breaking the rule is
 * stored but listed, so that it can be repaired here and the repair syncs everywhere.
 */
final class Quarantine {
    static final String APPOINTMENT = "appointment";
    static final String MAPPING = "outcome_mapping";
    /** An appointment's free text, where tab and line breaks are allowed; its other text columns are single-line. */
    private static final java.util.Set<String> FREE_TEXT = java.util.Set.of("summary", "outcome_text");

    /** Why one row is held back: the field (null when the server refused the row as a whole) and the reason. */
    record Problem(String field, String reason) {
    }

    private Quarantine() {
    }

    /**
     * The first text column of the table's row breaking the rule, or null. Other tables' text (JSON of models,
     * audit details, mapped phrasings) is held to the free-text rule: line breaks are theirs to keep.
     */
    static Problem check(SyncTable table, Object[] row) {
        for (int i = 0; i < table.columns().size(); i++) {
            SyncColumn column = table.columns().get(i);
            if (column.type() != SyncColumn.Type.TEXT) continue;
            TextRule rule = table != SyncTable.APPOINTMENTS || FREE_TEXT.contains(column.name())
                    ? TextRule.MULTI_LINE : TextRule.SINGLE_LINE;
            TextRule.Violation v = rule.check((String) row[i]);
            if (v != null) return new Problem(column.name(), TextRule.describe(v));
        }
        return null;
    }

    static Problem refusedByServer(SQLException e) {
        return new Problem(null, "refused by the server (SQLSTATE " + e.getSQLState() + ")");
    }

    /** Replaces the entries of the given rows by their problems (rows without one leave the quarantine). */
    static void record(Connection local, String entity, Collection<?> ids, Map<Object, Problem> problems,
                       String direction) throws SQLException {
        // Usually empty: then a push of a million rows costs no deletes.
        if (ids.isEmpty() || (problems.isEmpty() && count(local) == 0)) return;
        try (PreparedStatement delete = local.prepareStatement(
                "DELETE FROM sync_quarantine WHERE entity = ? AND entity_id = ?")) {
            for (Object id : ids) {
                delete.setString(1, entity);
                delete.setString(2, id.toString());
                delete.addBatch();
            }
            delete.executeBatch();
        }
        if (problems.isEmpty()) return;
        try (PreparedStatement insert = local.prepareStatement("INSERT INTO sync_quarantine (entity, entity_id, field, "
                + "reason, direction, detected_at) VALUES (?, ?, ?, ?, ?, ?)")) {
            OffsetDateTime now = OffsetDateTime.now();
            for (Map.Entry<Object, Problem> e : problems.entrySet()) {
                insert.setString(1, entity);
                insert.setString(2, e.getKey().toString());
                insert.setString(3, e.getValue().field());
                insert.setString(4, e.getValue().reason());
                insert.setString(5, direction);
                insert.setObject(6, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    static void remove(Connection local, String entityId) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement(
                "DELETE FROM sync_quarantine WHERE entity = ? AND entity_id = ?")) {
            ps.setString(1, APPOINTMENT);
            ps.setString(2, entityId);
            ps.executeUpdate();
        }
    }

    static long count(Connection local) throws SQLException {
        return SyncSql.count(local, "SELECT COUNT(*) FROM sync_quarantine");
    }

    static List<QuarantineEntry> list(Connection local) throws SQLException {
        List<QuarantineEntry> entries = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement("SELECT entity, entity_id, field, reason, direction, "
                + "detected_at FROM sync_quarantine ORDER BY detected_at, entity_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                entries.add(new QuarantineEntry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, OffsetDateTime.class)));
            }
        }
        return entries;
    }
}
