package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The appointment version last agreed with the server, per appointment, in the narrow table
 * {@code appointment_sync_base}. A row is dirty (changed here, to be pushed; or written directly on the server, to
 * be numbered) while its (hlc, site) differs from its base or it has none. Same SQL on H2 and PostgreSQL.
 */
final class SyncBase {
    /** Appointments (alias a) with their base (alias b, absent for a row never agreed). */
    static final String JOINED = "appointments a LEFT JOIN appointment_sync_base b ON b.id = a.id";
    static final String DIRTY = "(b.id IS NULL OR b.base_hlc <> a.hlc OR b.base_site <> a.site_id)";
    static final List<SyncColumn> COLUMNS = List.of(
            new SyncColumn("b.base_hlc", SyncColumn.Type.LONG), new SyncColumn("b.base_site", SyncColumn.Type.TEXT));

    private static final String MERGE = "MERGE INTO appointment_sync_base t USING (VALUES (CAST(? AS UUID), "
            + "CAST(? AS BIGINT), CAST(? AS VARCHAR(64)))) AS s(id, base_hlc, base_site) ON t.id = s.id "
            + "WHEN MATCHED THEN UPDATE SET base_hlc = s.base_hlc, base_site = s.base_site "
            + "WHEN NOT MATCHED THEN INSERT (id, base_hlc, base_site) VALUES (s.id, s.base_hlc, s.base_site)";

    /** Records an appointment's current version as agreed (parameter: its id), reading it on the same side. */
    static final String AGREE_CURRENT = "MERGE INTO appointment_sync_base t USING (SELECT id, hlc, site_id "
            + "FROM appointments WHERE id = ?) s ON t.id = s.id WHEN MATCHED THEN UPDATE SET base_hlc = s.hlc, "
            + "base_site = s.site_id WHEN NOT MATCHED THEN INSERT (id, base_hlc, base_site) VALUES (s.id, s.hlc, s.site_id)";

    private SyncBase() {
    }

    /** A batch statement recording agreed versions; add rows with {@link #add}. */
    static PreparedStatement merge(Connection c) throws SQLException {
        return c.prepareStatement(MERGE);
    }

    static void add(PreparedStatement merge, Object id, long hlc, String site) throws SQLException {
        merge.setObject(1, id);
        merge.setLong(2, hlc);
        merge.setString(3, site);
        merge.addBatch();
    }
}
