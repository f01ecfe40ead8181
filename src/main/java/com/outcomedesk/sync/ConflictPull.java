package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Copies the server's conflicts, and later their resolution, to this site so administrators see them offline. */
final class ConflictPull {
    private static final SyncTable T = SyncTable.CONFLICTS;
    private static final List<SyncColumn> SEQ = List.of(new SyncColumn("server_seq", SyncColumn.Type.LONG));

    long pull(Connection local, Connection server, String watermarkName, long upTo, int batch) throws SQLException {
        long mark = SyncSql.stateValue(local, watermarkName);
        long applied = 0;
        int n = T.columns().size();
        while (mark < upTo) {
            List<Object[]> rows = new ArrayList<>();
            try (PreparedStatement ps = server.prepareStatement("SELECT " + T.columnList() + ", server_seq FROM sync_conflicts"
                    + " WHERE server_seq > ? AND server_seq <= ? ORDER BY server_seq LIMIT " + batch)) {
                ps.setLong(1, mark);
                ps.setLong(2, upTo);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) rows.add(SyncSql.readWith(rs, T, SEQ));
                }
            }
            server.commit();
            if (rows.isEmpty()) break;
            Set<Object> present = SyncSql.existingKeys(local, T, rows.stream().map(r -> r[0]).toList());
            try (PreparedStatement insert = local.prepareStatement(T.insertSql("server_seq"));
                 PreparedStatement update = local.prepareStatement(T.updateSql("server_seq = ?"))) {
                for (Object[] r : rows) {
                    Object[] values = java.util.Arrays.copyOf(r, n);
                    if (present.contains(r[0])) {
                        int i = T.bindValues(update, values);
                        update.setLong(i, (Long) r[n]);
                        update.setObject(i + 1, r[0]);
                        update.addBatch();
                    } else {
                        T.bindAll(insert, values);
                        insert.setLong(n + 1, (Long) r[n]);
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
                update.executeBatch();
            }
            mark = (Long) rows.get(rows.size() - 1)[n];
            SyncSql.putState(local, watermarkName, mark);
            local.commit();
            applied += rows.size();
        }
        return applied;
    }
}
