package com.outcomedesk.audit;

import com.outcomedesk.security.Actor;
import com.outcomedesk.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reading the audit trail (administrators only): browsing with filters, and checking the hash chain.
 * The check walks each site's chain in order and reports the first entry that does not follow from
 * the one before: an altered row no longer matches its hash, a deleted row leaves a gap in the sequence.
 */
public final class AuditLog {
    private static final String COLUMNS =
            "site_id, seq, occurred_at, user_name, action, entity, entity_id, details, prev_hash, hash";

    private final Database database;
    private final AuditTrail trail;

    public AuditLog(Database database, AuditTrail trail) {
        this.database = database;
        this.trail = trail;
    }

    /** The first broken link, if any; {@code checked} counts the entries read. */
    public record Verification(boolean intact, long checked, Break firstBreak) {
    }

    /** Where the chain breaks: the site, the sequence number expected or found there, and why. */
    public record Break(String site, long seq, String reason) {
    }

    /** Entries matching the query, newest first; browsing is audited itself. */
    public List<AuditEntry> list(AuditQuery query, Actor actor) {
        actor.requireAdministrator("view the audit trail");
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM audit_log WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        filter(sql, params, "user_name = ?", query.user());
        filter(sql, params, "action = ?", query.action());
        filter(sql, params, "entity = ?", query.entity());
        filter(sql, params, "entity_id = ?", query.entityId());
        filter(sql, params, "occurred_at >= ?", query.from());
        filter(sql, params, "occurred_at < ?", query.to());
        sql.append(" ORDER BY occurred_at DESC, site_id, seq DESC");
        List<AuditEntry> entries = database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < params.size(); i++) ps.setObject(i + 1, params.get(i));
                ps.setMaxRows(Math.max(0, query.limit() == Integer.MAX_VALUE ? 0 : query.limit()));
                List<AuditEntry> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) found.add(entry(rs));
                }
                return found;
            }
        });
        trail.record(actor, "audit-view", "audit", null, "entries=" + entries.size());
        return entries;
    }

    /** Writes the matching entries to a file: CSV when it ends in .csv, else a JSON array. */
    public int export(Path file, AuditQuery query, Actor actor) {
        List<AuditEntry> entries = list(query, actor);
        try {
            if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv")) {
                CsvMapper csv = new CsvMapper();
                csv.registerModule(new JavaTimeModule()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
                csv.writer(csv.schemaFor(AuditEntry.class).withHeader()).writeValue(file.toFile(), entries);
            } else {
                new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .writerWithDefaultPrettyPrinter().writeValue(file.toFile(), entries);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        trail.record(actor, "audit-export", "audit", null, "entries=" + entries.size());
        return entries.size();
    }

    /** Checks every site's chain from its first entry. */
    public Verification verify(Actor actor) {
        actor.requireAdministrator("verify the audit trail");
        Verification result = database.withConnection(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY site_id, seq");
                 ResultSet rs = ps.executeQuery()) {
                long checked = 0;
                String site = null;
                long expectedSeq = 0;
                String prev = null;
                while (rs.next()) {
                    AuditEntry e = entry(rs);
                    checked++;
                    if (!e.site().equals(site)) {
                        site = e.site();
                        expectedSeq = 1;
                        prev = AuditTrail.GENESIS;
                    }
                    Break broken = check(e, expectedSeq, prev);
                    if (broken != null) return new Verification(false, checked, broken);
                    expectedSeq++;
                    prev = e.hash();
                }
                return new Verification(true, checked, null);
            }
        });
        trail.record(actor, "audit-verify", "audit", null, result.intact() ? "intact" : "broken");
        return result;
    }

    private static Break check(AuditEntry e, long expectedSeq, String prev) {
        if (e.seq() != expectedSeq) {
            return new Break(e.site(), expectedSeq, "entry " + expectedSeq + " is missing (next is " + e.seq() + ")");
        }
        if (!e.prevHash().equals(prev)) {
            return new Break(e.site(), e.seq(), "does not link to the entry before it (that entry was altered or replaced)");
        }
        String recomputed = AuditTrail.hash(e.prevHash(), e.site(), e.seq(), e.occurredAt(), e.user(), e.action(),
                e.entity(), e.entityId(), e.details());
        if (!recomputed.equals(e.hash())) {
            return new Break(e.site(), e.seq(), "content does not match its hash (the entry was altered)");
        }
        return null;
    }

    private static void filter(StringBuilder sql, List<Object> params, String clause, Object value) {
        if (value == null || value instanceof String s && s.isBlank()) return;
        sql.append(" AND ").append(clause);
        params.add(value);
    }

    private static AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(rs.getString(1), rs.getLong(2), rs.getObject(3, OffsetDateTime.class), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10));
    }
}
