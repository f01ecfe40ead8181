package com.outcomedesk.sync;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
    private final Database database;
    private final ChangeStamper stamper;

    ConflictService(Database database, ChangeStamper stamper) {
        this.database = database;
        this.stamper = stamper;
    }

    List<ConflictView> list(boolean includeResolved) {
        return database.withConnection(c -> {
            List<ConflictView> views = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + C.columnList() + " FROM sync_conflicts"
                    + (includeResolved ? "" : " WHERE status = 'open'") + " ORDER BY detected_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) views.add(view(C.read(rs)));
            }
            return views;
        });
    }

    /** Applies the decision in one transaction on the given (server) connection. */
    ConflictView resolveOn(Connection server, UUID id, Decision decision, Actor actor) throws SQLException {
        boolean autoCommit = server.getAutoCommit();
        server.setAutoCommit(false);
        try {
            ServerCounter counter = ServerCounter.lock(server);
            Object[] conflict = SyncSql.fetch(server, C, List.of(), List.of(id)).get(id);
            if (conflict == null) throw InvalidRequestException.notFound(CONFLICT_ID, id);
            if (decision == Decision.CONFIRM) {
                if (!"open".equals(conflict[C.index("status")])) {
                    throw new SyncException("Conflict " + id + " was already " + conflict[C.index("status")] + ".");
                }
                conflict[C.index("status")] = "confirmed";
            } else {
                swap(server, counter, conflict, actor);
                conflict[C.index("status")] = "swapped";
            }
            conflict[C.index("resolved_by")] = actor.name();
            conflict[C.index("resolved_at")] = stamper.now();
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

    /** Puts the kept version in use as a new change, and keeps the replaced one in the conflict instead. */
    private void swap(Connection server, ServerCounter counter, Object[] conflict, Actor actor) throws SQLException {
        String entity = (String) conflict[C.index("entity")];
        String key = (String) conflict[C.index("entity_id")];
        if (entity.equals("appointment")) {
            SyncTable t = SyncTable.APPOINTMENTS;
            UUID rowId = UUID.fromString(key);
            Object[] current = SyncSql.fetch(server, t, List.of(), List.of(rowId)).get(rowId);
            Object[] kept = RowJson.read(t, (String) conflict[C.index("loser_data")]);
            stamper.hlc().observe((Long) current[t.index("hlc")]);
            long hlc = stamper.tick();
            kept[t.index("hlc")] = hlc;
            kept[t.index("site_id")] = stamper.siteId();
            kept[t.index("updated_by")] = actor.name();
            kept[t.index("updated_at")] = stamper.now();
            SyncSql.ensureDoctors(server, List.of((String) kept[t.index("doctor_id")]));
            try (PreparedStatement ps = server.prepareStatement(t.updateSql("row_version = row_version + 1",
                    "server_seq = ?"));
                 PreparedStatement base = SyncBase.merge(server)) {
                int i = t.bindValues(ps, kept);
                ps.setLong(i, counter.next());
                ps.setObject(i + 1, rowId);
                ps.executeUpdate();
                SyncBase.add(base, rowId, hlc, stamper.siteId());
                base.executeBatch();
            }
            conflict[C.index("loser_data")] = RowJson.write(t, current);
            conflict[C.index("loser_hlc")] = current[t.index("hlc")];
            conflict[C.index("loser_site")] = current[t.index("site_id")];
            conflict[C.index("winner_hlc")] = hlc;
            conflict[C.index("winner_site")] = stamper.siteId();
        } else if (entity.equals("outcome_mapping")) {
            SyncTable t = SyncTable.MAPPINGS;
            Object[] current = SyncSql.fetch(server, t, List.of(), List.of(key)).get(key);
            Object[] kept = RowJson.read(t, (String) conflict[C.index("loser_data")]);
            try (PreparedStatement ps = server.prepareStatement(t.updateSql("server_seq = ?", "base_category = ?"))) {
                int i = t.bindValues(ps, kept);
                ps.setLong(i, counter.next());
                ps.setString(i + 1, (String) kept[t.index("category")]);
                ps.setString(i + 2, key);
                ps.executeUpdate();
            }
            conflict[C.index("loser_data")] = RowJson.write(t, current);
        } else {
            throw new SyncException("A model numbering conflict cannot be swapped: the model stays at the site that "
                    + "trained it. Confirm it once noted.");
        }
    }

    private static ConflictView view(Object[] r) {
        Map<String, Object> kept;
        try {
            kept = MAPPER.readValue((String) r[C.index("loser_data")], new TypeReference<>() { });
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A stored conflict row is not valid JSON", e);
        }
        return new ConflictView((UUID) r[0], (String) r[1], (String) r[2], (String) r[C.index("status")],
                (OffsetDateTime) r[C.index("detected_at")], (Long) r[3], (String) r[4], (Long) r[5], (String) r[6],
                kept, (String) r[C.index("resolved_by")], (OffsetDateTime) r[C.index("resolved_at")]);
    }
}
