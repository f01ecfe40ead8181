package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.JdbiException;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.result.ResultIterator;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.StatementContext;

/**
 * The append-only audit trail's rows. How entries link (the keyed hashes) is the audit package's; this class only
 * reads and appends rows, each append reading the site's newest entry on the connection it then inserts on.
 */
public final class AuditRepository {
    private static final String COLUMNS =
            "site_id, seq, occurred_at, user_name, action, entity, entity_id, details, prev_hash, hash";

    private final Database database;

    public AuditRepository(Database database) {
        this.database = database;
    }

    /** Filters for browsing; null or blank means "any", {@code limit} at most that many (non-positive: all). */
    public record Filter(String user, String action, String entity, String entityId, OffsetDateTime from,
                         OffsetDateTime to, int limit) {
    }

    /** Appends the row {@code next} builds from the site's newest entry (empty when the site has none yet). */
    public void append(String site, Function<Optional<AuditHead>, AuditRow> next) {
        database.jdbi(h -> {
            append(h, site, next);
            return null;
        });
    }

    /**
     * Like {@link #append(String, Function)} on a connection the caller holds, inside the caller's transaction: the
     * entry is committed with the changes it records, or not at all.
     */
    public static void append(Connection connection, String site, Function<Optional<AuditHead>, AuditRow> next)
            throws SQLException {
        try (Handle h = Database.jdbiOver(connection)) {
            append(h, site, next);
        } catch (JdbiException e) {
            throw sqlFailure(e);
        }
    }

    private static void append(Handle h, String site, Function<Optional<AuditHead>, AuditRow> next) {
        AuditRow row = next.apply(head(h, site));
        UUID id = UUID.randomUUID();
        h.createUpdate("INSERT INTO audit_log (id, seq, occurred_at, user_name, action, entity, entity_id, details, "
                        + "site_id, prev_hash, hash) VALUES (:id, :seq, :at, :user, :action, :entity, :entityId, "
                        + ":details, :site, :prev, :hash)")
                .bind("id", (Argument) (position, statement, ctx) -> statement.setObject(position, id))
                .bind("seq", row.seq()).bind("at", row.occurredAt()).bind("user", row.user())
                .bind("action", row.action()).bind("entity", row.entity()).bind("entityId", row.entityId())
                .bind("details", row.details()).bind("site", row.site()).bind("prev", row.prevHash())
                .bind("hash", row.hash())
                .execute();
    }

    /** The site's newest entry, empty when it has none. */
    public Optional<AuditHead> head(String site) {
        return database.jdbi(h -> head(h, site));
    }

    private static Optional<AuditHead> head(Handle h, String site) {
        return h.createQuery("SELECT seq, hash FROM audit_log WHERE site_id = :site ORDER BY seq DESC LIMIT 1")
                .bind("site", site).map((rs, ctx) -> new AuditHead(rs.getLong(1), rs.getString(2))).findOne();
    }

    /** The site's highest sequence number, 0 when it has no entries. */
    public long lastSeq(String site) {
        return database.jdbi(h -> h.createQuery("SELECT MAX(seq) FROM audit_log WHERE site_id = :site")
                .bind("site", site).map((rs, ctx) -> rs.getLong(1)).findOne().orElse(0L));
    }

    /** The sequence number of the site's first entry with this action, 0 when it has none. */
    public long firstSeqOf(String site, String action) {
        return database.jdbi(h -> h.createQuery("SELECT MIN(seq) FROM audit_log WHERE site_id = :site AND action = :action")
                .bind("site", site).bind("action", action).map((rs, ctx) -> rs.getLong(1)).findOne().orElse(0L));
    }

    public Optional<AuditRow> entry(String site, long seq) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM audit_log WHERE site_id = :site AND seq = :seq")
                .bind("site", site).bind("seq", seq).map(AuditRepository::row).findOne());
    }

    public long count(String site) {
        return database.jdbi(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE site_id = :site")
                .bind("site", site).mapTo(long.class).one());
    }

    /** Entries matching the filter, newest first. */
    public List<AuditRow> list(Filter filter) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        where(sql, params, "user_name", "=", "user", filter.user());
        where(sql, params, "action", "=", "action", filter.action());
        where(sql, params, "entity", "=", "entity", filter.entity());
        where(sql, params, "entity_id", "=", "entityId", filter.entityId());
        where(sql, params, "occurred_at", ">=", "from", filter.from());
        where(sql, params, "occurred_at", "<", "to", filter.to());
        sql.append(" ORDER BY occurred_at DESC, site_id, seq DESC");
        return database.jdbi(h -> {
            Query query = h.createQuery(sql.toString()).bindMap(params);
            if (filter.limit() > 0 && filter.limit() != Integer.MAX_VALUE) query.setMaxRows(filter.limit());
            return query.map(AuditRepository::row).list();
        });
    }

    /**
     * Reads every site's chain in order (by site, then sequence number) as the rows stream, never the whole table at
     * once, until {@code visit} returns false.
     */
    public void walk(Predicate<AuditRow> visit) {
        database.streaming(c -> {
            try (Handle h = Database.jdbiOver(c);
                 ResultIterator<AuditRow> rows = h.createQuery("SELECT " + COLUMNS + " FROM audit_log ORDER BY site_id, seq")
                         .setFetchSize(1000).map(AuditRepository::row).iterator()) {
                while (rows.hasNext() && visit.test(rows.next())) {
                    // each row is visited as it is read
                }
            } catch (JdbiException e) {
                throw sqlFailure(e);
            }
            return null;
        });
    }

    /** The driver's exception inside Jdbi's, so that callers on plain JDBC report it as they report their own. */
    private static SQLException sqlFailure(JdbiException e) {
        if (e.getCause() instanceof SQLException s) return s;
        throw e;
    }

    private static void where(StringBuilder sql, Map<String, Object> params, String column, String operator,
                              String name, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) return;
        sql.append(" AND ").append(column).append(' ').append(operator).append(" :").append(name);
        params.put(name, value);
    }

    private static AuditRow row(ResultSet rs, StatementContext ctx) throws SQLException {
        return new AuditRow(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
