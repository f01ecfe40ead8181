package com.outcomedesk.sync;

import com.outcomedesk.store.SyncStateRepository;
import com.outcomedesk.sync.ServerSide.MappingOffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome mapping: a few hundred rows keyed by normalised text, changed only by administrators.
 * A change whose agreed category is the server's current category simply replaces it; a concurrent change also wins
 * (the server orders the decisions) and the replaced category is kept as a conflict.
 */
final class MappingSync {
    static final SyncTable T = SyncTable.MAPPINGS;
    private static final int CATEGORY = T.index("category");
    private static final int N = T.columns().size();

    PushResult push(Connection local, ServerSide server) throws SQLException {
        return push(local, server, false);
    }

    /** With {@code everything}, unchanged mappings are offered too, to fill what a rewound server lost. */
    PushResult push(Connection local, ServerSide server, boolean everything) throws SQLException {
        List<MappingOffer> dirty = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement("SELECT " + T.columnList() + ", base_category FROM "
                + "outcome_mappings WHERE " + (everything ? "1 = 1" : SyncStateRepository.MAPPING_DIRTY));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) dirty.add(readLocal(rs));
        }
        Map<Object, Quarantine.Problem> held = new java.util.LinkedHashMap<>();
        List<MappingOffer> rows = new ArrayList<>();
        for (MappingOffer r : dirty) {
            Quarantine.Problem p = Quarantine.check(T, r.row());
            if (p == null) rows.add(r);
            else held.put(r.row().key(), p);
        }
        Quarantine.record(local, Quarantine.MAPPING, dirty.stream().map(r -> r.row().key()).toList(), held, "push");
        local.commit();
        if (rows.isEmpty()) return new PushResult(0, 0, held.size());
        PushResult pushed = server.pushMappings(rows);
        Map<String, String> agreed = new java.util.LinkedHashMap<>();
        for (MappingOffer l : rows) agreed.put((String) l.row().key(), (String) l.row().value(CATEGORY));
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            state.agreeMappings(agreed);
        }
        local.commit();
        return pushed.plus(new PushResult(0, 0, held.size()));
    }

    long pull(Connection local, ServerSide server, String watermarkName, long upTo) throws SQLException {
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            long mark = state.mark(watermarkName);
            if (mark >= upTo) return 0;
            List<SyncRow> rows = server.page(T, mark, upTo, Integer.MAX_VALUE);
            long applied = 0;
            Map<Object, MappingOffer> existing = SyncSql.fetch(local, T, T.name() + " a", ", a.base_category",
                    rows.stream().map(SyncRow::key).toList(), MappingSync::readLocal);
            try (PreparedStatement insert = local.prepareStatement(T.insertSql("server_seq", "base_category"));
                 PreparedStatement update = local.prepareStatement(T.updateSql("server_seq = ?", "base_category = ?"))) {
                for (SyncRow p : rows) {
                    MappingOffer l = existing.get(p.key());
                    if (l == null) {
                        int i = T.bindAll(insert, p);
                        insert.setLong(i, p.serverSeq());
                        insert.setString(i + 1, (String) p.value(CATEGORY));
                        insert.addBatch();
                        applied++;
                    } else if (Objects.equals(l.row().value(CATEGORY), p.value(CATEGORY))
                            || Objects.equals(l.agreedCategory(), l.row().value(CATEGORY))) {
                        // Same category, or no unpushed local decision: take the server's row.
                        int i = T.bindValues(update, p);
                        update.setLong(i, p.serverSeq());
                        update.setString(i + 1, (String) p.value(CATEGORY));
                        update.setString(i + 2, (String) p.key());
                        update.addBatch();
                        if (!Objects.equals(l.row().value(CATEGORY), p.value(CATEGORY))) applied++;
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            if (!rows.isEmpty()) state.putMark(watermarkName, rows.get(rows.size() - 1).serverSeq());
            local.commit();
            return applied;
        }
    }

    /** Reads the catalogue columns followed by the agreed category. */
    private static MappingOffer readLocal(ResultSet rs) throws SQLException {
        return new MappingOffer(T.read(rs), rs.getString(N + 1));
    }
}
