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
import org.jdbi.v3.core.statement.PreparedBatch;
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

    /**
     * Appends the rows {@code next} chains onto the site's newest entry (empty when the site has none yet), in one
     * batch, and returns the newest entry after them. {@code known} is the newest entry as the caller last saw it (or
     * null): when it still is, two index look-ups confirm it instead of a search for the newest, which on H2 reads
     * every entry of the site.
     */
    public AuditHead append(String site, AuditHead known, Function<Optional<AuditHead>, List<AuditRow>> next) {
        return database.jdbi(h -> append(h, site, known, next));
    }

    /**
     * Like {@link #append(String, AuditHead, Function)} on a connection the caller holds, inside the caller's
     * transaction: the entries are committed with the changes they record, or not at all.
     */
    public static AuditHead append(Connection connection, String site, AuditHead known,
                                   Function<Optional<AuditHead>, List<AuditRow>> next) throws SQLException {
        try (Handle h = Database.jdbiOver(connection)) {
            return append(h, site, known, next);
        } catch (JdbiException e) {
            throw sqlFailure(e);
        }
    }

    private static AuditHead append(Handle h, String site, AuditHead known, Function<Optional<AuditHead>, List<AuditRow>> next) {
        List<AuditRow> rows = next.apply(stillNewest(h, site, known) ? Optional.of(known) : head(h, site));
        if (rows.isEmpty()) throw new IllegalArgumentException("nothing to append");
        PreparedBatch batch = h.prepareBatch("INSERT INTO audit_log (id, seq, occurred_at, user_name, action, entity, "
                + "entity_id, details, site_id, prev_hash, hash) VALUES (:id, :seq, :at, :user, :action, :entity, "
                + ":entityId, :details, :site, :prev, :hash)");
        for (AuditRow row : rows) {
            UUID id = UUID.randomUUID();
            batch.bind("id", (Argument) (position, statement, ctx) -> statement.setObject(position, id))
                    .bind("seq", row.seq()).bind("at", row.occurredAt()).bind("user", row.user())
                    .bind("action", row.action()).bind("entity", row.entity()).bind("entityId", row.entityId())
                    .bind("details", row.details()).bind("site", row.site()).bind("prev", row.prevHash())
                    .bind("hash", row.hash())
                    .add();
        }
        batch.execute();
        AuditRow last = rows.get(rows.size() - 1);
        return new AuditHead(last.seq(), last.hash());
    }

    /** Whether {@code known} is stored as the site's entry with the highest number: it exists and has no successor. */
    private static boolean stillNewest(Handle h, String site, AuditHead known) {
        if (known == null) return false;
        List<AuditHead> around = h.createQuery("SELECT seq, hash FROM audit_log WHERE site_id = :site AND seq BETWEEN :seq AND :next")
                .bind("site", site).bind("seq", known.seq()).bind("next", known.seq() + 1)
                .map((rs, ctx) -> new AuditHead(rs.getLong(1), rs.getString(2))).list();
        return around.size() == 1 && around.get(0).equals(known);
    }

    /** The site's newest entry, empty when it has none. */
    public Optional<AuditHead> head(String site) {
        return database.jdbi(h -> head(h, site));
    }

    /** Through MAX: H2 answers {@code ORDER BY seq DESC LIMIT 1} by sorting the site's entries, many times slower. */
    private static Optional<AuditHead> head(Handle h, String site) {
        return h.createQuery("SELECT seq, hash FROM audit_log WHERE site_id = :site "
                        + "AND seq = (SELECT MAX(seq) FROM audit_log WHERE site_id = :site)")
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
