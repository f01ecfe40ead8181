package com.outcomedesk.sync;

import com.outcomedesk.appointments.TextRule;
import com.outcomedesk.store.QuarantineRepository;
import com.outcomedesk.store.QuarantinedRow;
import java.sql.Connection;
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
    static Problem check(SyncTable table, SyncRow row) {
        for (int i = 0; i < table.columns().size(); i++) {
            SyncColumn column = table.columns().get(i);
            if (column.type() != SyncColumn.Type.TEXT) continue;
            TextRule rule = table != SyncTable.APPOINTMENTS || FREE_TEXT.contains(column.name())
                    ? TextRule.MULTI_LINE : TextRule.SINGLE_LINE;
            TextRule.Violation v = rule.check((String) row.value(i));
            if (v != null) return new Problem(column.name(), TextRule.describe(v));
        }
        return null;
    }

    static Problem refusedByServer(SQLException e) {
        return new Problem(null, "refused by the server (SQLSTATE " + e.getSQLState() + ")");
    }

    /** Replaces the entries of the given rows by their problems (rows without one leave the quarantine). */
    static void record(Connection local, String entity, Collection<?> ids, Map<Object, Problem> problems,
                       String direction) {
        OffsetDateTime now = OffsetDateTime.now();
        List<QuarantinedRow> entries = new ArrayList<>();
        problems.forEach((id, p) -> entries.add(new QuarantinedRow(entity, id.toString(), p.field(), p.reason(),
                direction, now)));
        try (QuarantineRepository quarantine = QuarantineRepository.over(local)) {
            quarantine.replace(entity, ids.stream().map(Object::toString).toList(), entries);
        }
    }

    static void remove(Connection local, String entityId) {
        try (QuarantineRepository quarantine = QuarantineRepository.over(local)) {
            quarantine.remove(APPOINTMENT, entityId);
        }
    }

    static long count(Connection local) {
        try (QuarantineRepository quarantine = QuarantineRepository.over(local)) {
            return quarantine.count();
        }
    }

    static List<QuarantineEntry> list(Connection local) {
        try (QuarantineRepository quarantine = QuarantineRepository.over(local)) {
            return quarantine.list().stream().map(e -> new QuarantineEntry(e.entity(), e.entityId(), e.field(),
                    e.reason(), e.direction(), e.detectedAt())).toList();
        }
    }
}
