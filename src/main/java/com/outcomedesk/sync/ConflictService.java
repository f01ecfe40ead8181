package com.outcomedesk.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.ConflictRepository;
import com.outcomedesk.store.StoredConflict;
import com.outcomedesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Lists conflicts and applies an administrator's decision on the server store. */
public final class ConflictService {
    /** Field name in refusals: the conflict to resolve. */
    public static final String CONFLICT_ID = "conflictId";

    public enum Decision { CONFIRM, SWAP }

    private static final SyncTable C = SyncTable.CONFLICTS;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ConflictRepository stored;
    private final ChangeStamper stamper;

    ConflictService(Database database, ChangeStamper stamper) {
        this.stored = new ConflictRepository(database);
        this.stamper = stamper;
    }

    List<ConflictView> list(boolean includeResolved) {
        return stored.list(includeResolved).stream().map(c -> view(c.id(), c.entity(), c.entityId(), c.status(),
                c.detectedAt(), c.winnerHlc(), c.winnerSite(), c.loserHlc(), c.loserSite(), c.loserData(),
                c.resolvedBy(), c.resolvedAt())).toList();
    }

    /** Applies the decision in one transaction on the given (server) connection. */
    ConflictView resolveOn(Connection server, UUID id, Decision decision, Actor actor) throws SQLException {
        boolean autoCommit = server.getAutoCommit();
        server.setAutoCommit(false);
        try {
            ServerCounter counter = ServerCounter.lock(server);
            SyncRow conflict = SyncSql.fetch(server, C, List.of(id)).get(id);
            if (conflict == null) throw InvalidRequestException.notFound(CONFLICT_ID, id);
            Map<String, Object> changes = new LinkedHashMap<>();
            if (decision == Decision.CONFIRM) {
                Object status = conflict.value(C.index("status"));
                if (!StoredConflict.OPEN.equals(status)) {
                    throw new SyncException("Conflict " + id + " was already " + status + ".");
                }
                changes.put("status", "confirmed");
            } else {
                changes.putAll(swap(server, counter, conflict, actor));
                changes.put("status", "swapped");
            }
            changes.put("resolved_by", actor.name());
            changes.put("resolved_at", stamper.now());
            conflict = C.with(conflict, changes);
            try (PreparedStatement ps = server.prepareStatement(C.updateSql("server_seq = ?"))) {
                int i = C.bindValues(ps, conflict);
                ps.setLong(i, counter.next());
                ps.setObject(i + 1, id);
                ps.executeUpdate();
            }
            counter.commit();
            return view(conflict);
        } catch (SQLException | RuntimeException e) {
            server.rollback();
            throw e;
        } finally {
            server.setAutoCommit(autoCommit);
        }
    }

    /**
     * Puts the kept version in use as a new change, and keeps the replaced one in the conflict instead; returns the
     * conflict's columns that change with it.
     */
    private Map<String, Object> swap(Connection server, ServerCounter counter, SyncRow conflict, Actor actor)
            throws SQLException {
        String entity = (String) conflict.value(C.index("entity"));
        String key = (String) conflict.value(C.index("entity_id"));
        String loserData = (String) conflict.value(C.index("loser_data"));
        Map<String, Object> changes = new LinkedHashMap<>();
        if (entity.equals("appointment")) {
            SyncTable t = SyncTable.APPOINTMENTS;
            UUID rowId = UUID.fromString(key);
            SyncRow current = SyncSql.fetch(server, t, List.of(rowId)).get(rowId);
            stamper.hlc().observe(current.version().hlc());
            long hlc = stamper.tick();
            Map<String, Object> stamp = new LinkedHashMap<>();
            stamp.put("hlc", hlc);
            stamp.put("site_id", stamper.siteId());
            stamp.put("updated_by", actor.name());
            stamp.put("updated_at", stamper.now());
            SyncRow kept = t.with(RowJson.read(t, loserData), stamp);
            SyncSql.ensureDoctors(server, List.of((String) kept.value(t.index("doctor_id"))));
            try (PreparedStatement ps = server.prepareStatement(t.updateSql("row_version = row_version + 1",
                    "server_seq = ?"));
                 PreparedStatement agree = ServerSql.agreeing(server)) {
                int i = t.bindValues(ps, kept);
                ps.setLong(i, counter.next());
                ps.setObject(i + 1, rowId);
                ps.executeUpdate();
                ServerSql.addAgreed(agree, rowId, kept.version());
                agree.executeBatch();
            }
            changes.put("loser_data", RowJson.write(t, current));
            changes.put("loser_hlc", current.version().hlc());
            changes.put("loser_site", current.version().site());
            changes.put("winner_hlc", hlc);
            changes.put("winner_site", stamper.siteId());
        } else if (entity.equals("outcome_mapping")) {
            SyncTable t = SyncTable.MAPPINGS;
            SyncRow current = SyncSql.fetch(server, t, List.of(key)).get(key);
            SyncRow kept = RowJson.read(t, loserData);
            try (PreparedStatement ps = server.prepareStatement(t.updateSql("server_seq = ?", "base_category = ?"))) {
                int i = t.bindValues(ps, kept);
                ps.setLong(i, counter.next());
                ps.setString(i + 1, (String) kept.value(t.index("category")));
                ps.setString(i + 2, key);
                ps.executeUpdate();
            }
            changes.put("loser_data", RowJson.write(t, current));
        } else {
            throw new SyncException("A model numbering conflict cannot be swapped: the model stays at the site that "
                    + "trained it. Confirm it once noted.");
        }
        return changes;
    }

    private static ConflictView view(SyncRow r) {
        return view((UUID) r.key(), (String) r.value(1), (String) r.value(2), (String) r.value(C.index("status")),
                (OffsetDateTime) r.value(C.index("detected_at")), (Long) r.value(3), (String) r.value(4),
                (Long) r.value(5), (String) r.value(6), (String) r.value(C.index("loser_data")),
                (String) r.value(C.index("resolved_by")), (OffsetDateTime) r.value(C.index("resolved_at")));
    }

    private static ConflictView view(UUID id, String entity, String entityId, String status, OffsetDateTime detectedAt,
                                     Long winnerHlc, String winnerSite, Long loserHlc, String loserSite,
                                     String loserData, String resolvedBy, OffsetDateTime resolvedAt) {
        Map<String, Object> kept;
        try {
            kept = MAPPER.readValue(loserData, new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored conflict row is not valid JSON", e);
        }
        return new ConflictView(id, entity, entityId, status, detectedAt, winnerHlc, winnerSite, loserHlc, loserSite,
                kept, resolvedBy, resolvedAt);
    }
}
