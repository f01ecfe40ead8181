package com.outcomedesk.store;

import java.sql.Connection;
import java.util.Collection;
import java.util.List;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/** The local sync quarantine (V47), on the connection the caller holds, inside the caller's transaction. */
public final class QuarantineRepository implements AutoCloseable {
    private final Handle handle;

    private QuarantineRepository(Handle handle) {
        this.handle = handle;
    }

    /** The repository over a connection the caller holds; closing it leaves the connection and its transaction. */
    public static QuarantineRepository over(Connection connection) {
        return new QuarantineRepository(Database.jdbiOver(connection));
    }

    /** Replaces the entries of the entity's rows with these ids by the given entries (rows without one leave). */
    public void replace(String entity, Collection<String> ids, List<QuarantinedRow> entries) {
        // Usually nothing is held: then a push of a million rows costs no deletes.
        if (ids.isEmpty() || (entries.isEmpty() && count() == 0)) return;
        PreparedBatch delete = handle.prepareBatch("DELETE FROM sync_quarantine WHERE entity = :entity AND entity_id = :id");
        for (String id : ids) delete.bind("entity", entity).bind("id", id).add();
        delete.execute();
        if (entries.isEmpty()) return;
        PreparedBatch insert = handle.prepareBatch("INSERT INTO sync_quarantine (entity, entity_id, field, reason, "
                + "direction, detected_at) VALUES (:entity, :entityId, :field, :reason, :direction, :detectedAt)");
        for (QuarantinedRow e : entries) {
            insert.bind("entity", e.entity()).bind("entityId", e.entityId()).bind("field", e.field())
                    .bind("reason", e.reason()).bind("direction", e.direction())
                    .bind("detectedAt", (position, statement, ctx) -> statement.setObject(position, e.detectedAt()))
                    .add();
        }
        insert.execute();
    }

    public void remove(String entity, String entityId) {
        handle.createUpdate("DELETE FROM sync_quarantine WHERE entity = :entity AND entity_id = :id")
                .bind("entity", entity).bind("id", entityId).execute();
    }

    public long count() {
        return handle.createQuery("SELECT COUNT(*) FROM sync_quarantine").mapTo(Long.class).one();
    }

    /** Every entry, oldest first. */
    public List<QuarantinedRow> list() {
        return handle.createQuery("SELECT entity, entity_id, field, reason, direction, detected_at FROM sync_quarantine "
                        + "ORDER BY detected_at, entity_id")
                .map((rs, ctx) -> new QuarantinedRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getObject(6, java.time.OffsetDateTime.class)))
                .list();
    }

    @Override
    public void close() {
        handle.close();
    }
}
