package com.outcomedesk.sync;

import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Numbers the server rows written directly on it (people working in shared-only mode, the seeded outcome
 * mapping) rather than by a sync, so that every site pulls them too.
 */
final class DirectServerWrites {
    private static final int CHUNK = 5_000;

    private DirectServerWrites() {
    }

    /** Returns how many rows were numbered; commits in chunks under the counter lock. */
    static long number(Connection server) throws SQLException {
        long total = 0;
        total += chunked(server, "SELECT a.id FROM " + SyncStateRepository.APPOINTMENTS_WITH_AGREED + " WHERE "
                        + SyncStateRepository.APPOINTMENT_DIRTY, "UPDATE appointments SET server_seq = ? WHERE id = ?",
                SyncStateRepository.AGREE_CURRENT);
        total += chunked(server, "SELECT normalized_text FROM outcome_mappings WHERE " + SyncStateRepository.MAPPING_DIRTY,
                "UPDATE outcome_mappings SET server_seq = ?, base_category = category WHERE normalized_text = ?");
        for (SyncTable t : List.of(SyncTable.MODEL_VERSIONS, SyncTable.MODEL_ACTIVATIONS, SyncTable.PREDICTIONS,
                SyncTable.AUDIT)) {
            total += chunked(server, "SELECT " + t.key() + " FROM " + t.name() + " WHERE server_seq IS NULL",
                    "UPDATE " + t.name() + " SET server_seq = ? WHERE " + t.key() + " = ?");
        }
        return total;
    }

    /** Numbers the rows the select finds with the update (change number, key); then runs each follow-up (key). */
    private static long chunked(Connection server, String select, String update, String... followUps)
            throws SQLException {
        long total = 0;
        while (true) {
            ServerCounter counter = ServerCounter.lock(server);
            List<Object> keys = new ArrayList<>();
            try (PreparedStatement ps = server.prepareStatement(select + " LIMIT " + CHUNK);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(rs.getObject(1));
            }
            if (keys.isEmpty()) {
                server.commit();
                return total;
            }
            try (PreparedStatement ps = server.prepareStatement(update)) {
                for (Object key : keys) {
                    ps.setLong(1, counter.next());
                    ps.setObject(2, key);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            for (String followUp : followUps) {
                try (PreparedStatement ps = server.prepareStatement(followUp)) {
                    for (Object key : keys) {
                        ps.setObject(1, key);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            counter.commit();
            total += keys.size();
        }
    }
}
