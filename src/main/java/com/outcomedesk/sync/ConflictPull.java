package com.outcomedesk.sync;

import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/** Copies the server's conflicts, and later their resolution, to this site so administrators see them offline. */
final class ConflictPull {
    private static final SyncTable T = SyncTable.CONFLICTS;

    long pull(Connection local, ServerSide server, String watermarkName, long upTo, int batch) throws SQLException {
        long applied = 0;
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            long mark = state.mark(watermarkName);
            while (mark < upTo) {
                List<SyncRow> rows = server.page(T, mark, upTo, batch);
                if (rows.isEmpty()) break;
                Set<Object> present = SyncSql.existingKeys(local, T, rows.stream().map(SyncRow::key).toList());
                try (PreparedStatement insert = local.prepareStatement(T.insertSql("server_seq"));
                     PreparedStatement update = local.prepareStatement(T.updateSql("server_seq = ?"))) {
                    for (SyncRow r : rows) {
                        if (present.contains(r.key())) {
                            int i = T.bindValues(update, r);
                            update.setLong(i, r.serverSeq());
                            update.setObject(i + 1, r.key());
                            update.addBatch();
                        } else {
                            insert.setLong(T.bindAll(insert, r), r.serverSeq());
                            insert.addBatch();
                        }
                    }
                    insert.executeBatch();
                    update.executeBatch();
                }
                mark = rows.get(rows.size() - 1).serverSeq();
                state.putMark(watermarkName, mark);
                local.commit();
                applied += rows.size();
            }
        }
        return applied;
    }
}
