package com.outcomedesk.sync;

import com.outcomedesk.sync.ServerSide.AppendOutcome;
import com.outcomedesk.sync.ServerSide.AppointmentOffer;
import com.outcomedesk.sync.ServerSide.AppointmentOutcome;
import com.outcomedesk.sync.ServerSide.MappingOffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * The server's rules for a push, one copy for both ways of reaching it: a site's own PostgreSQL connection and the
 * OutcomeDesk Server's sync API. Last writer wins by {@link Version}; a concurrent losing version with different
 * content is kept as a conflict; append-only rows merge by key. Every write holds the change counter
 * ({@link ServerCounter}) and commits with it, so change numbers follow commit order.
 */
final class ServerRules {
    private static final SyncTable A = SyncTable.APPOINTMENTS;
    /** What a person entered; stamps may differ while the content is the same (e.g. one file imported twice). */
    private static final int[] CONTENT = {
            A.index("external_id"), A.index("doctor_id"), A.index("patient_ref"), A.index("appointment_date"),
            A.index("summary"), A.index("outcome_text"), A.index("outcome_category"), A.index("outcome_source"),
            A.index("deleted")};
    private static final int DOCTOR = A.index("doctor_id");
    private static final SyncTable M = SyncTable.MAPPINGS;
    private static final int CATEGORY = M.index("category");

    private ServerRules() {
    }

    /**
     * What the server checks of a push before it writes, given the rows it holds under the offered keys (read once,
     * under the counter's lock, for the checks and the rules alike): it may refuse the whole batch by throwing, and
     * answers the rows it refuses alone, with their reasons (they are not written).
     */
    @FunctionalInterface
    interface Guard {
        /** A direct connection's: a database login checks nothing. */
        Guard NONE = (rows, onServer) -> Map.of();

        Map<Object, Quarantine.Problem> refused(List<AppointmentOffer> rows, Map<Object, SyncRow> onServer);
    }

    /** As {@link #pushAppointments(Connection, List, Guard)} with nothing checked. */
    static AppointmentOutcome pushAppointments(Connection server, List<AppointmentOffer> rows) throws SQLException {
        return pushAppointments(server, rows, Guard.NONE);
    }

    /**
     * Writes the appointments the guard lets through in one server transaction; when the server refuses it for a
     * reason other than a lost connection, halves the rows until the refused ones are found alone, and returns those
     * with their reasons, next to the guard's.
     */
    static AppointmentOutcome pushAppointments(Connection server, List<AppointmentOffer> rows, Guard guard)
            throws SQLException {
        if (rows.isEmpty()) return AppointmentOutcome.NONE;
        try {
            return applyAppointments(server, rows, guard);
        } catch (SQLException e) {
            if (ServerLink.isConnectionLoss(e)) throw e;
            server.rollback();
            if (rows.size() == 1) {
                return new AppointmentOutcome(0, 0, Map.of(), Map.of(rows.get(0).row().key(), Quarantine.refusedByServer(e)));
            }
            int half = rows.size() / 2;
            return plus(pushAppointments(server, rows.subList(0, half), guard),
                    pushAppointments(server, rows.subList(half, rows.size()), guard));
        }
    }

    private static AppointmentOutcome plus(AppointmentOutcome a, AppointmentOutcome b) {
        Map<Object, SyncRow> wins = new HashMap<>(a.serverWins());
        wins.putAll(b.serverWins());
        Map<Object, Quarantine.Problem> refused = new LinkedHashMap<>(a.refused());
        refused.putAll(b.refused());
        return new AppointmentOutcome(a.written() + b.written(), a.conflicts() + b.conflicts(), wins, refused);
    }

    /** Writes the rows the guard lets through on the server and commits. */
    private static AppointmentOutcome applyAppointments(Connection server, List<AppointmentOffer> offered, Guard guard)
            throws SQLException {
        Map<Object, AppointmentOffer> byKey = new LinkedHashMap<>();
        for (AppointmentOffer r : offered) byKey.put(r.row().key(), r);
        ServerCounter counter = ServerCounter.lock(server);
        Map<Object, SyncRow> existing = SyncSql.fetch(server, A, byKey.keySet());
        Map<Object, Quarantine.Problem> refused = guard.refused(offered, existing);
        List<AppointmentOffer> rows = refused.isEmpty() ? offered
                : offered.stream().filter(o -> !refused.containsKey(o.row().key())).toList();
        SyncSql.ensureDoctors(server, doctors(rows.stream().map(AppointmentOffer::row).toList()));
        List<SyncRow> inserts = new ArrayList<>();
        List<SyncRow> updates = new ArrayList<>();
        Map<Object, SyncRow> serverWins = new HashMap<>();
        long conflicts = 0;
        for (AppointmentOffer l : rows) {
            SyncRow r = l.row();
            SyncRow s = existing.get(r.key());
            if (s == null) {
                inserts.add(r);
                continue;
            }
            if (r.version().equals(s.version())) continue;
            boolean localWins = r.version().compareTo(s.version()) > 0;
            // Concurrent: the site changed the row and the server's version is not the one it started from. A server
            // version older than the agreed one is not another site's change: the server lost the newer one (it was
            // restored to an older point), and an unchanged row offered again only fills such gaps.
            boolean concurrent = l.dirty() && !s.version().equals(l.agreed())
                    && (l.agreed() == null || s.version().compareTo(l.agreed()) > 0);
            if (concurrent && !sameContent(r, s)) {
                SyncRow winner = localWins ? r : s;
                SyncRow loser = localWins ? s : r;
                if (ConflictLog.record(server, counter, "appointment", r.key().toString(), winner.version(),
                        loser.version(), RowJson.write(A, loser))) {
                    conflicts++;
                }
            }
            if (localWins) updates.add(r);
            else serverWins.put(r.key(), s);
        }
        writeAppointments(server, counter, inserts, updates);
        counter.commit();
        return new AppointmentOutcome(inserts.size() + updates.size(), conflicts, serverWins, refused);
    }

    private static void writeAppointments(Connection server, ServerCounter counter, List<SyncRow> inserts,
                                          List<SyncRow> updates) throws SQLException {
        try (PreparedStatement insert = server.prepareStatement(A.insertSql("row_version", "server_seq"));
             PreparedStatement update = server.prepareStatement(A.updateSql("row_version = row_version + 1",
                     "server_seq = ?"));
             PreparedStatement agree = ServerSql.agreeing(server)) {
            for (SyncRow r : inserts) {
                int i = A.bindAll(insert, r);
                insert.setLong(i, 0);
                insert.setLong(i + 1, counter.next());
                insert.addBatch();
                ServerSql.addAgreed(agree, r.key(), r.version());
            }
            for (SyncRow r : updates) {
                int i = A.bindValues(update, r);
                update.setLong(i, counter.next());
                update.setObject(i + 1, r.key());
                update.addBatch();
                ServerSql.addAgreed(agree, r.key(), r.version());
            }
            insert.executeBatch();
            update.executeBatch();
            agree.executeBatch();
        }
    }

    /**
     * Inserts the append-only rows the server lacks whose references it holds (the others stay pending on the site
     * and are retried); a model whose number the server already uses for another model is kept as a conflict.
     */
    static AppendOutcome pushAppendOnly(Connection server, SyncTable table, List<SyncRow> rows) throws SQLException {
        long conflicts = 0;
        ServerCounter counter = ServerCounter.lock(server);
        Map<UUID, Long> onServer = new HashMap<>();
        SyncSql.fetchNumbered(server, table, rows.stream().map(SyncRow::key).toList())
                .forEach((k, v) -> onServer.put((UUID) k, v.serverSeq()));
        List<SyncRow> fresh = new ArrayList<>();
        for (SyncRow r : rows) if (!onServer.containsKey(r.key())) fresh.add(r);
        fresh = AppendOnlySync.writable(server, table, fresh);
        if (table == SyncTable.MODEL_VERSIONS) {
            List<SyncRow> colliding = ModelNumbers.colliding(server, fresh);
            for (SyncRow r : colliding) {
                if (ModelNumbers.recordConflict(server, counter, r)) conflicts++;
            }
            fresh.removeAll(colliding);
        }
        try (PreparedStatement ps = server.prepareStatement(table.insertSql("server_seq"))) {
            for (SyncRow r : fresh) {
                long seq = counter.next();
                ps.setLong(table.bindAll(ps, r), seq);
                ps.addBatch();
                onServer.put((UUID) r.key(), seq);
            }
            ps.executeBatch();
        }
        if (table == SyncTable.MODEL_ACTIVATIONS && !fresh.isEmpty()) ModelNumbers.deriveStatus(server);
        counter.commit();
        return new AppendOutcome(onServer, fresh.size(), conflicts);
    }

    /**
     * Outcome mappings: a change whose agreed category is the server's current one replaces it; a concurrent change
     * also wins (the server orders the decisions) and the replaced category is kept as a conflict.
     */
    static PushResult pushMappings(Connection server, List<MappingOffer> rows) throws SQLException {
        if (rows.isEmpty()) return PushResult.NONE;
        long written = 0;
        long conflicts = 0;
        ServerCounter counter = ServerCounter.lock(server);
        Map<Object, SyncRow> existing = SyncSql.fetch(server, M, rows.stream().map(r -> r.row().key()).toList());
        try (PreparedStatement insert = server.prepareStatement(M.insertSql("server_seq", "base_category"));
             PreparedStatement update = server.prepareStatement(M.updateSql("server_seq = ?", "base_category = ?"))) {
            for (MappingOffer l : rows) {
                SyncRow r = l.row();
                SyncRow s = existing.get(r.key());
                if (s == null) {
                    int i = M.bindAll(insert, r);
                    insert.setLong(i, counter.next());
                    insert.setString(i + 1, (String) r.value(CATEGORY));
                    insert.addBatch();
                } else if (!Objects.equals(s.value(CATEGORY), r.value(CATEGORY))
                        // a mapping unchanged on the site, offered again for a rewound server, never replaces a decision
                        && !Objects.equals(l.agreedCategory(), r.value(CATEGORY))) {
                    if (!Objects.equals(l.agreedCategory(), s.value(CATEGORY)) && ConflictLog.record(server, counter,
                            "outcome_mapping", (String) r.key(), null, null, null, null, RowJson.write(M, s))) {
                        conflicts++;
                    }
                    int i = M.bindValues(update, r);
                    update.setLong(i, counter.next());
                    update.setString(i + 1, (String) r.value(CATEGORY));
                    update.setString(i + 2, (String) r.key());
                    update.addBatch();
                } else {
                    continue;
                }
                written++;
            }
            insert.executeBatch();
            update.executeBatch();
        }
        counter.commit();
        return new PushResult(written, conflicts, 0);
    }

    private static boolean sameContent(SyncRow a, SyncRow b) {
        for (int i : CONTENT) if (!Objects.equals(a.value(i), b.value(i))) return false;
        return true;
    }

    static Set<String> doctors(List<SyncRow> rows) {
        Set<String> ids = new HashSet<>();
        for (SyncRow r : rows) ids.add((String) r.value(DOCTOR));
        return ids;
    }
}
