package com.outcomedesk.audit;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * The append-only audit trail: who did what, when, to which record. Each entry is linked to the previous entry
 * on this site by an HMAC-SHA256 over its content and the previous link, under the store's audit key
 * ({@code StoreSecrets}, kept out of the database), so an entry cannot be altered, inserted or removed from the
 * middle without the key. A chain begun before keyed links keeps its plain SHA-256 links up to an
 * {@value ChainLinks#KEYED_FROM_HERE} entry, which seals them: it links to the last plain entry.
 */
public final class AuditTrail {
    private static final Actor SYSTEM = new Actor("outcome-desk", Role.ADMINISTRATOR);

    private final Database database;
    private final ChangeStamper stamper;
    private final ChainLinks links;

    public AuditTrail(Database database, ChangeStamper stamper, byte[] auditKey) {
        this.database = database;
        this.stamper = stamper;
        this.links = new ChainLinks(auditKey);
        startKeyedLinks();
    }

    ChainLinks links() {
        return links;
    }

    String siteId() {
        return stamper.siteId();
    }

    OffsetDateTime now() {
        return stamper.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Appends one entry. {@code details} must never hold summary text or patient references. */
    public synchronized void record(Actor actor, String action, String entity, String entityId, String details) {
        database.withConnection(c -> {
            append(c, actor, action, entity, entityId, details);
            return null;
        });
    }

    /**
     * Appends one entry inside the caller's transaction and commits it, so the entry and the changes it records
     * are stored together or not at all (an import killed mid-way leaves an entry for every batch it committed).
     */
    public synchronized void recordAndCommit(Connection c, Actor actor, String action, String entity, String entityId,
                                             String details) throws SQLException {
        append(c, actor, action, entity, entityId, details);
        c.commit();
    }

    /**
     * On a chain begun with plain links (before keyed links existed) that has no keyed start yet, records where
     * keyed links start. A chain begun keyed needs none: its first entry is keyed.
     */
    private synchronized void startKeyedLinks() {
        database.withConnection(c -> {
            String site = stamper.siteId();
            long last = lastSeq(c, site);
            if (last > 0 && keyedFrom(c, site) == 0 && !begunKeyed(c, site)) {
                append(c, SYSTEM, ChainLinks.KEYED_FROM_HERE, "audit", null, "plain links up to entry " + last);
            }
            return null;
        });
    }

    private boolean begunKeyed(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, user_name, action, entity, entity_id,"
                + " details, prev_hash, hash FROM audit_log WHERE site_id = ? AND seq = 1")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return false;
                String content = ChainLinks.content(rs.getString(8), site, 1, rs.getObject(2, OffsetDateTime.class),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7));
                return links.matches(content, rs.getString(9));
            }
        }
    }

    /** The sequence number of a site's first keyed-start entry, or 0 when it has none. */
    static long keyedFrom(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT MIN(seq) FROM audit_log WHERE site_id = ? AND action = ?")) {
            ps.setString(1, site);
            ps.setString(2, ChainLinks.KEYED_FROM_HERE);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    private static long lastSeq(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM audit_log WHERE site_id = ?")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    /** The newest entry of a site's chain: its sequence number and link (0 and the genesis link when it is empty). */
    record Head(long seq, String hash) {
    }

    static Head head(Connection c, String site) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash FROM audit_log WHERE site_id = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Head(rs.getLong(1), rs.getString(2)) : new Head(0, ChainLinks.GENESIS);
            }
        }
    }

    private void append(Connection c, Actor actor, String action, String entity, String entityId, String details)
            throws SQLException {
        String site = stamper.siteId();
        // The column keeps microseconds; linking finer digits would make every entry fail verification.
        OffsetDateTime at = stamper.now().truncatedTo(ChronoUnit.MICROS);
        Head head = head(c, site);
        String prev = head.hash();
        long next = head.seq() + 1;
        String hash = links.keyed(ChainLinks.content(prev, site, next, at, actor.name(), action, entity, entityId,
                details));
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_log (id, seq, occurred_at, user_name, "
                + "action, entity, entity_id, details, site_id, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            ps.setObject(1, UUID.randomUUID());
            ps.setLong(2, next);
            ps.setObject(3, at);
            ps.setString(4, actor.name());
            ps.setString(5, action);
            ps.setString(6, entity);
            ps.setString(7, entityId);
            ps.setString(8, details);
            ps.setString(9, site);
            ps.setString(10, prev);
            ps.setString(11, hash);
            ps.executeUpdate();
        }
    }
}
