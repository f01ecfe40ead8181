package com.outcomedesk.audit;

import com.outcomedesk.security.Actor;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The append-only audit trail: who did what, when, to which record. Each entry's hash covers its
 * content and the previous entry's hash on this site, so altering or deleting a row breaks the chain.
 */
public final class AuditTrail {
    static final String GENESIS = "0".repeat(64);

    private final Database database;
    private final ChangeStamper stamper;

    public AuditTrail(Database database, ChangeStamper stamper) {
        this.database = database;
        this.stamper = stamper;
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

    private void append(Connection c, Actor actor, String action, String entity, String entityId, String details)
            throws SQLException {
        String site = stamper.siteId();
        // The column keeps microseconds; hashing finer digits would make every entry fail verification.
        OffsetDateTime at = stamper.now().truncatedTo(ChronoUnit.MICROS);
        long seq = 0;
        String prev = GENESIS;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, hash FROM audit_log WHERE site_id = ? ORDER BY seq DESC LIMIT 1")) {
            ps.setString(1, site);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    seq = rs.getLong(1);
                    prev = rs.getString(2);
                }
            }
        }
        long next = seq + 1;
        String hash = hash(prev, site, next, at, actor.name(), action, entity, entityId, details);
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

    static String hash(String prev, String site, long seq, OffsetDateTime at, String user, String action, String entity,
                       String entityId, String details) {
        String content = String.join("\u001f", prev, site, Long.toString(seq), at.toInstant().toString(), user, action,
                String.valueOf(entity), String.valueOf(entityId), String.valueOf(details));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
