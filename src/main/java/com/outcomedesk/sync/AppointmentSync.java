package com.outcomedesk.sync;

import com.outcomedesk.store.AgreedVersion;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
 * Appointments are edited on several sites: last writer wins by {@link Version}, and a concurrent losing
 * version with different content is kept as a conflict. A row is "dirty" while its version differs
 * from the version last agreed with the server ({@link SyncStateRepository}).
 */
final class AppointmentSync {
    static final SyncTable T = SyncTable.APPOINTMENTS;
    /** What a person entered; stamps may differ while the content is the same (e.g. one file imported twice). */
    private static final int[] CONTENT = {
            T.index("external_id"), T.index("doctor_id"), T.index("patient_ref"), T.index("appointment_date"),
            T.index("summary"), T.index("outcome_text"), T.index("outcome_category"), T.index("outcome_source"),
            T.index("deleted")};
    private static final int DOCTOR = T.index("doctor_id");
    private static final int N = T.columns().size();

    /** A local row with the version last agreed with the server (null when it never was). */
    private record Local(SyncRow row, Version agreed) {
        boolean dirty() {
            return !row.version().equals(agreed);
        }
    }

    private final int batch;
    private final HybridClock clock;

    AppointmentSync(int batch, HybridClock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Pushes every local change. Rows breaking the text rule, and rows the server refuses, are quarantined and stay
     * pending; the rest go on.
     */
    PushResult push(Connection local, Connection server) throws SQLException {
        PushResult result = PushResult.NONE;
        UUID after = null;
        while (true) {
            List<Local> rows = dirtyBatch(local, after);
            if (rows.isEmpty()) return result;
            after = (UUID) rows.get(rows.size() - 1).row().key();
            Map<Object, Quarantine.Problem> held = new LinkedHashMap<>();
            List<Local> sendable = new ArrayList<>();
            for (Local r : rows) {
                Quarantine.Problem p = Quarantine.check(T, r.row());
                if (p == null) sendable.add(r);
                else held.put(r.row().key(), p);
            }
            result = result.plus(pushRows(local, server, sendable, held));
            Quarantine.record(local, Quarantine.APPOINTMENT, rows.stream().map(r -> r.row().key()).toList(), held, "push");
            local.commit();
            result = result.plus(new PushResult(0, 0, held.size()));
        }
    }

    /**
     * Pushes rows in one server transaction; when the server refuses it for a reason other than a lost connection,
     * halves the rows until the refused ones are found alone, and adds those to {@code refused}.
     */
    private PushResult pushRows(Connection local, Connection server, List<Local> rows,
                                Map<Object, Quarantine.Problem> refused) throws SQLException {
        if (rows.isEmpty()) return PushResult.NONE;
        ServerOutcome outcome;
        try {
            outcome = pushToServer(server, rows);
        } catch (SQLException e) {
            if (ServerLink.isConnectionLoss(e)) throw e;
            server.rollback();
            if (rows.size() == 1) {
                refused.put(rows.get(0).row().key(), Quarantine.refusedByServer(e));
                return PushResult.NONE;
            }
            int half = rows.size() / 2;
            return pushRows(local, server, rows.subList(0, half), refused)
                    .plus(pushRows(local, server, rows.subList(half, rows.size()), refused));
        }
        for (SyncRow s : outcome.serverWins().values()) clock.observe(s.version().hlc());
        markPushed(local, rows, outcome.serverWins());
        local.commit();
        return new PushResult(outcome.written(), outcome.conflicts(), 0);
    }

    /** What one push transaction did on the server: rows written, conflicts recorded, rows whose server version won. */
    private record ServerOutcome(long written, long conflicts, Map<Object, SyncRow> serverWins) {
    }

    /** Writes the rows on the server and commits. */
    private static ServerOutcome pushToServer(Connection server, List<Local> rows) throws SQLException {
        Map<Object, Local> byKey = new LinkedHashMap<>();
        for (Local r : rows) byKey.put(r.row().key(), r);
        ServerCounter counter = ServerCounter.lock(server);
        Map<Object, SyncRow> existing = SyncSql.fetch(server, T, byKey.keySet());
        SyncSql.ensureDoctors(server, doctors(rows.stream().map(Local::row).toList()));
        List<SyncRow> inserts = new ArrayList<>();
        List<SyncRow> updates = new ArrayList<>();
        Map<Object, SyncRow> serverWins = new HashMap<>();
        long conflicts = 0;
        for (Local l : rows) {
            SyncRow r = l.row();
            SyncRow s = existing.get(r.key());
            if (s == null) {
                inserts.add(r);
                continue;
            }
            if (r.version().equals(s.version())) continue;
            boolean localWins = r.version().compareTo(s.version()) > 0;
            boolean concurrent = !s.version().equals(l.agreed());
            if (concurrent && !sameContent(r, s)) {
                SyncRow winner = localWins ? r : s;
                SyncRow loser = localWins ? s : r;
                if (ConflictLog.record(server, counter, "appointment", r.key().toString(), winner.version(),
                        loser.version(), RowJson.write(T, loser))) {
                    conflicts++;
                }
            }
            if (localWins) updates.add(r);
            else serverWins.put(r.key(), s);
        }
        write(server, counter, inserts, updates);
        counter.commit();
        return new ServerOutcome(inserts.size() + updates.size(), conflicts, serverWins);
    }

    /** Pulls the server's changes numbered after the high-water mark up to {@code upTo}; returns rows applied. */
    long pull(Connection local, Connection server, String watermarkName, long upTo) throws SQLException {
        long applied = 0;
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            long mark = state.mark(watermarkName);
            while (mark < upTo) {
                List<SyncRow> rows = ServerSql.page(server, T, mark, upTo, batch);
                if (rows.isEmpty()) break;
                applied += applyPulled(local, state, rows);
                mark = rows.get(rows.size() - 1).serverSeq();
                state.putMark(watermarkName, mark);
                local.commit();
            }
        }
        return applied;
    }

    private long applyPulled(Connection local, SyncStateRepository state, List<SyncRow> rows) throws SQLException {
        Map<Object, Local> existing = SyncSql.fetch(local, T, SyncStateRepository.APPOINTMENTS_WITH_AGREED,
                ", " + SyncStateRepository.AGREED_COLUMNS, rows.stream().map(SyncRow::key).toList(), AppointmentSync::readLocal);
        SyncSql.ensureDoctors(local, doctors(rows));
        long applied = 0;
        long maxHlc = 0;
        List<Object> taken = new ArrayList<>();
        List<AgreedVersion> agreed = new ArrayList<>();
        Map<Object, Quarantine.Problem> broken = new LinkedHashMap<>();
        try (PreparedStatement insert = local.prepareStatement(T.insertSql("row_version", "server_seq"));
             PreparedStatement update = local.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?"))) {
            for (SyncRow p : rows) {
                maxHlc = Math.max(maxHlc, p.version().hlc());
                Local l = existing.get(p.key());
                if (l == null) {
                    int i = T.bindAll(insert, p);
                    insert.setLong(i, 0);
                    insert.setLong(i + 1, p.serverSeq());
                    insert.addBatch();
                    applied++;
                } else if (l.row().version().equals(p.version())) {
                    // Usually this site's own push coming back: nothing to do unless the agreed version is not yet recorded.
                    if (!l.dirty()) continue;
                } else if (!l.dirty()) {
                    int i = T.bindValues(update, p);
                    update.setLong(i, p.serverSeq());
                    update.setObject(i + 1, p.key());
                    update.addBatch();
                    applied++;
                } else {
                    // A dirty local row is left alone: the next push meets the server's version and resolves both.
                    continue;
                }
                agreed.add(agreedVersion(p));
                taken.add(p.key());
                Quarantine.Problem problem = Quarantine.check(T, p);
                if (problem != null) broken.put(p.key(), problem);
            }
            insert.executeBatch();
            update.executeBatch();
        }
        state.agree(agreed);
        // Stored as the server has it, so the other sites' view stays whole; listed, to be repaired here.
        Quarantine.record(local, Quarantine.APPOINTMENT, taken, broken, "pull");
        clock.observe(maxHlc);
        return applied;
    }

    private List<Local> dirtyBatch(Connection local, UUID after) throws SQLException {
        String sql = "SELECT " + T.columnList("a.") + ", " + SyncStateRepository.AGREED_COLUMNS + " FROM "
                + SyncStateRepository.APPOINTMENTS_WITH_AGREED + " WHERE " + SyncStateRepository.APPOINTMENT_DIRTY
                + (after == null ? "" : " AND a.id > ?") + " ORDER BY a.id LIMIT " + batch;
        List<Local> rows = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            if (after != null) ps.setObject(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(readLocal(rs));
            }
        }
        return rows;
    }

    /** Reads the catalogue columns followed by the agreed version's. */
    private static Local readLocal(ResultSet rs) throws SQLException {
        SyncRow row = T.read(rs);
        long hlc = rs.getLong(N + 1);
        boolean none = rs.wasNull();
        String site = rs.getString(N + 2);
        return new Local(row, none || site == null ? null : new Version(hlc, site));
    }

    private static void write(Connection server, ServerCounter counter, List<SyncRow> inserts, List<SyncRow> updates)
            throws SQLException {
        try (PreparedStatement insert = server.prepareStatement(T.insertSql("row_version", "server_seq"));
             PreparedStatement update = server.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?"));
             PreparedStatement agree = ServerSql.agreeing(server)) {
            for (SyncRow r : inserts) {
                int i = T.bindAll(insert, r);
                insert.setLong(i, 0);
                insert.setLong(i + 1, counter.next());
                insert.addBatch();
                ServerSql.addAgreed(agree, r.key(), r.version());
            }
            for (SyncRow r : updates) {
                int i = T.bindValues(update, r);
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
     * After the server committed: pushed rows get the pushed version as agreed (a row edited again meanwhile
     * has moved on from it and so stays dirty); rows where the server's version won take it, unless edited again.
     */
    private static void markPushed(Connection local, List<Local> rows, Map<Object, SyncRow> serverWins)
            throws SQLException {
        List<AgreedVersion> agreed = new ArrayList<>();
        try (PreparedStatement take = local.prepareStatement(T.updateSql("row_version = row_version + 1")
                + " AND hlc = ? AND site_id = ?")) {
            for (Local l : rows) {
                SyncRow r = l.row();
                SyncRow s = serverWins.get(r.key());
                if (s == null) {
                    agreed.add(agreedVersion(r));
                    continue;
                }
                int i = T.bindValues(take, s);
                take.setObject(i, r.key());
                take.setLong(i + 1, r.version().hlc());
                take.setString(i + 2, r.version().site());
                if (take.executeUpdate() == 1) agreed.add(agreedVersion(s));
            }
        }
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            state.agree(agreed);
        }
    }

    private static AgreedVersion agreedVersion(SyncRow row) {
        return new AgreedVersion((UUID) row.key(), row.version().hlc(), row.version().site());
    }

    private static boolean sameContent(SyncRow a, SyncRow b) {
        for (int i : CONTENT) if (!Objects.equals(a.value(i), b.value(i))) return false;
        return true;
    }

    private static Set<String> doctors(List<SyncRow> rows) {
        Set<String> ids = new HashSet<>();
        for (SyncRow r : rows) ids.add((String) r.value(DOCTOR));
        return ids;
    }
}
