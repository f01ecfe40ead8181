package com.outcomedesk.store;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The sync conflicts this store holds (pulled from the server, or the server's own), for review. */
public final class ConflictRepository {
    private static final String COLUMNS = "id, entity, entity_id, winner_hlc, winner_site, loser_hlc, loser_site, "
            + "loser_data, detected_at, status, resolved_by, resolved_at";
    private final Database database;

    public ConflictRepository(Database database) {
        this.database = database;
    }

    /** Open conflicts, or every conflict, by detection time. */
    public List<StoredConflict> list(boolean includeResolved) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM sync_conflicts"
                        + " WHERE status = :open OR :all ORDER BY detected_at, id")
                .bind("open", StoredConflict.OPEN).bind("all", includeResolved)
                .map((rs, ctx) -> new StoredConflict(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        nullableLong(rs, 4), rs.getString(5), nullableLong(rs, 6), rs.getString(7), rs.getString(8),
                        rs.getObject(9, OffsetDateTime.class), rs.getString(10), rs.getString(11),
                        rs.getObject(12, OffsetDateTime.class)))
                .list());
    }

    public long openCount() {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) FROM sync_conflicts WHERE status = :open")
                .bind("open", StoredConflict.OPEN).mapTo(Long.class).one());
    }

    private static Long nullableLong(java.sql.ResultSet rs, int index) throws java.sql.SQLException {
        long v = rs.getLong(index);
        return rs.wasNull() ? null : v;
    }
}
