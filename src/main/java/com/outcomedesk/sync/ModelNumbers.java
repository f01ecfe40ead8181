package com.outcomedesk.sync;

import com.outcomedesk.store.ModelVersion.Status;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Model versions carry a store-wide unique number, and which one answers follows the activation events.
 * Two sites that train offline can both number a model 7: the second to arrive is kept where it was trained
 * and recorded as a conflict for an administrator.
 */
final class ModelNumbers {
    private static final SyncTable T = SyncTable.MODEL_VERSIONS;
    private static final int NUMBER = T.index("version_number");

    private ModelNumbers() {
    }

    static List<SyncRow> colliding(Connection c, List<SyncRow> rows) throws SQLException {
        List<SyncRow> colliding = new ArrayList<>();
        if (rows.isEmpty()) return colliding;
        Map<Integer, UUID> used = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT version_number, id FROM model_versions WHERE version_number IN ("
                + SyncSql.placeholders(rows.size()) + ")")) {
            for (int i = 0; i < rows.size(); i++) ps.setInt(i + 1, (Integer) rows.get(i).value(NUMBER));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) used.put(rs.getInt(1), rs.getObject(2, UUID.class));
            }
        }
        for (SyncRow r : rows) {
            UUID other = used.get((Integer) r.value(NUMBER));
            if (other != null && !other.equals(r.key())) colliding.add(r);
        }
        return colliding;
    }

    static boolean recordConflict(Connection server, ServerCounter counter, SyncRow row) throws SQLException {
        SyncRow meta = T.with(row, "artifact", null); // the artifact stays in the training site's store
        return ConflictLog.record(server, counter, "model_version", row.key().toString(), null, null, null,
                row.site(), RowJson.write(T, meta));
    }

    /** The model named by the latest activation event (by hlc, then site) is active; earlier actives retire. */
    static void deriveStatus(Connection c) throws SQLException {
        UUID latest = null;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT model_version_id FROM model_activations ORDER BY hlc DESC, site_id DESC LIMIT 1")) {
            if (rs.next()) latest = rs.getObject(1, UUID.class);
        }
        if (latest == null) return;
        try (PreparedStatement retire = c.prepareStatement(
                "UPDATE model_versions SET status = ? WHERE status = ? AND id <> ?");
             PreparedStatement activate = c.prepareStatement("UPDATE model_versions SET status = ? WHERE id = ?")) {
            retire.setString(1, Status.retired.name());
            retire.setString(2, Status.active.name());
            retire.setObject(3, latest);
            retire.executeUpdate();
            activate.setString(1, Status.active.name());
            activate.setObject(2, latest);
            activate.executeUpdate();
        }
    }
}
