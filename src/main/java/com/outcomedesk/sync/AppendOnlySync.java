package com.outcomedesk.sync;

import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Append-only tables (predictions, audit trail, model versions with their artifacts, activation events; all keyed
 * by UUID) merge by key without conflicts. Locally a row with no server number has not been pushed yet.
 */
final class AppendOnlySync {

    /** A reference that must exist on the receiving side before a row can be written there. */
    record Reference(String column, SyncTable target) {
    }

    /** The append-only tables in the order they travel: referenced rows before the rows that refer to them. */
    static final List<SyncTable> TABLES = List.of(SyncTable.MODEL_VERSIONS, SyncTable.MODEL_ACTIVATIONS,
            SyncTable.PREDICTIONS, SyncTable.AUDIT);
    private static final Reference MODEL = new Reference("model_version_id", SyncTable.MODEL_VERSIONS);
    private static final Reference APPOINTMENT = new Reference("appointment_id", SyncTable.APPOINTMENTS);

    private final SyncTable table;
    private final int batch;

    AppendOnlySync(SyncTable table, int batch) {
        this.table = table;
        this.batch = batch;
    }

    static List<Reference> references(SyncTable table) {
        if (table == SyncTable.MODEL_ACTIVATIONS) return List.of(MODEL);
        if (table == SyncTable.PREDICTIONS) return List.of(MODEL, APPOINTMENT);
        return List.of();
    }

    SyncTable table() {
        return table;
    }

    /** Pushes rows not yet on the server. */
    PushResult push(Connection local, ServerSide server) throws SQLException {
        PushResult result = PushResult.NONE;
        Object after = null;
        String sql = "SELECT " + table.columnList() + " FROM " + table.name() + " WHERE server_seq IS NULL"
                + " AND " + table.key() + " > ? ORDER BY " + table.key() + " LIMIT " + batch;
        String first = sql.replace(" AND " + table.key() + " > ?", "");
        while (true) {
            List<SyncRow> rows = new ArrayList<>();
            try (PreparedStatement ps = local.prepareStatement(after == null ? first : sql)) {
                if (after != null) table.bindKey(ps, 1, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(table.read(rs));
                }
            }
            if (rows.isEmpty()) return result;
            after = rows.get(rows.size() - 1).key();
            int read = rows.size();
            rows = withoutBroken(local, rows);
            ServerSide.AppendOutcome outcome = rows.isEmpty() ? new ServerSide.AppendOutcome(Map.of(), 0, 0)
                    : server.pushAppendOnly(table, rows);
            Map<UUID, Long> onServer = outcome.numbers();
            try (SyncStateRepository state = SyncStateRepository.over(local)) {
                state.numbered(table.name(), onServer);
            }
            local.commit();
            result = result.plus(new PushResult(outcome.written(), outcome.conflicts(), read - rows.size()));
        }
    }

    /** Pulls the server's rows numbered after the high-water mark up to {@code upTo}; returns rows inserted. */
    long pull(Connection local, ServerSide server, String watermarkName, long upTo) throws SQLException {
        long inserted = 0;
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            long mark = state.mark(watermarkName);
            while (mark < upTo) {
                List<SyncRow> rows = server.page(table, mark, upTo, batch);
                if (rows.isEmpty()) break;
                Set<Object> present = SyncSql.existingKeys(local, table, rows.stream().map(SyncRow::key).toList());
                List<SyncRow> fresh = new ArrayList<>();
                for (SyncRow r : rows) if (!present.contains(r.key())) fresh.add(r);
                fresh = writable(local, table, fresh);
                // A model whose number this site already uses for its own model stays on the server; the
                // pushing site recorded the collision as a conflict.
                if (table == SyncTable.MODEL_VERSIONS) fresh.removeAll(ModelNumbers.colliding(local, fresh));
                try (PreparedStatement ps = local.prepareStatement(table.insertSql("server_seq"))) {
                    for (SyncRow r : fresh) {
                        ps.setLong(table.bindAll(ps, r), r.serverSeq());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                if (table == SyncTable.MODEL_ACTIVATIONS && !fresh.isEmpty()) ModelNumbers.deriveStatus(local);
                mark = rows.get(rows.size() - 1).serverSeq();
                state.putMark(watermarkName, mark);
                local.commit();
                inserted += fresh.size();
            }
        }
        return inserted;
    }

    /**
     * The rows keeping the text rule; the others (stored before it) are quarantined under the table's name and stay
     * pending, so that one old row never stops the table's sync.
     */
    private List<SyncRow> withoutBroken(Connection local, List<SyncRow> rows) throws SQLException {
        Map<Object, Quarantine.Problem> held = new java.util.LinkedHashMap<>();
        List<SyncRow> kept = new ArrayList<>();
        for (SyncRow r : rows) {
            Quarantine.Problem p = Quarantine.check(table, r);
            if (p == null) kept.add(r);
            else held.put(r.key(), p);
        }
        Quarantine.record(local, table.name(), rows.stream().map(SyncRow::key).toList(), held, "push");
        return kept;
    }

    /** Drops rows whose references are missing on the receiving side; they stay pending and are retried. */
    static List<SyncRow> writable(Connection target, SyncTable table, List<SyncRow> rows) throws SQLException {
        List<SyncRow> ok = rows;
        for (Reference ref : references(table)) {
            int col = table.index(ref.column());
            Set<Object> wanted = new HashSet<>();
            for (SyncRow r : ok) if (r.value(col) != null) wanted.add(r.value(col));
            Set<Object> present = SyncSql.existingKeys(target, ref.target(), wanted);
            List<SyncRow> kept = new ArrayList<>();
            for (SyncRow r : ok) if (r.value(col) == null || present.contains(r.value(col))) kept.add(r);
            ok = kept;
        }
        return ok;
    }
}
