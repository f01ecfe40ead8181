package com.outcomedesk.audit;

import com.outcomedesk.errors.WrongFileException;
import com.outcomedesk.common.Actor;
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
 * Reading the audit trail (administrators only): browsing with filters, checking the chains, and signed
 * checkpoints. The check walks each site's chain in order and reports the first entry that does not follow from
 * the one before: an altered row no longer matches its keyed link, a deleted row leaves a gap in the sequence.
 * Deleting the newest entries leaves neither; a checkpoint signed before shows it.
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

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * The first broken link, if any; {@code checked} counts the entries read, {@code chains} says how far each
     * site's chain could be checked, {@code checkpointTime} is when the checkpoint verified against was signed.
     */
    public record Verification(boolean intact, long checked, Break firstBreak, List<Chain> chains,
                               OffsetDateTime checkpointTime) {
    }

    /** How a site's entries can be checked on this store. */
    public enum Check {
        /** This site's chain: keyed links under the store's audit key; an edit without the key is detected. */
        KEYED_LINKS,
        /** Another site's chain, keyed under that site's key: only gaps and broken links are visible here. */
        GAPS_AND_LINKS_ONLY
    }

    /**
     * One site's chain: its entries and how they were checked. On this site's chain the first
     * {@code plainEntries} have plain links from before keyed links, and from entry {@code keyedFrom} on every
     * link is keyed (the keyed entry after the plain ones seals them: it links to the last plain entry).
     */
    public record Chain(String site, boolean thisSite, long entries, Check check, long plainEntries, long keyedFrom) {
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
        return verify(actor, null);
    }

    /**
     * Checks that the whole store can be read (a damaged file must not pass as an intact trail), then every site's
     * chain and, given a checkpoint signed earlier, that this site's chain still holds the entry
     * the checkpoint ended at: the one deletion the chain cannot show by itself is that of its newest entries.
     */
    public Verification verify(Actor actor, AuditCheckpoint checkpoint) {
        actor.requireAdministrator("verify the audit trail");
        database.requireReadable();
        String local = trail.siteId();
        Verification result = database.streaming(c -> {
            long keyedFrom = Math.max(1, AuditTrail.keyedFrom(c, local));
            ChainWalk walk = new ChainWalk(trail.links(), local, keyedFrom, checkpoint);
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM audit_log ORDER BY site_id, seq")) {
                ps.setFetchSize(1000);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && walk.accept(entry(rs))) {
                        // each entry is checked as it is read
                    }
                }
            }
            return walk.result();
        });
        trail.record(actor, "audit-verify", "audit", null, (result.intact() ? "intact" : "broken")
                + (checkpoint == null ? "" : " checkpoint=" + checkpoint.lastSeq()));
        return result;
    }

    /** Signs where this site's chain stands now; keep the statement outside the store. */
    public AuditCheckpoint checkpoint(Actor actor) {
        actor.requireAdministrator("sign an audit checkpoint");
        String site = trail.siteId();
        AuditCheckpoint unsigned = database.withConnection(c -> {
            AuditTrail.Head head = AuditTrail.head(c, site);
            long count;
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_log WHERE site_id = ?")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            return new AuditCheckpoint(site, head.seq(), head.hash(), count, trail.now(), AuditCheckpoint.VERIFIABLE_BY, null);
        });
        AuditCheckpoint signed = new AuditCheckpoint(unsigned.site(), unsigned.lastSeq(), unsigned.lastHash(),
                unsigned.count(), unsigned.time(), unsigned.verifiableBy(), trail.links().keyed(unsigned.statement()));
        trail.record(actor, "audit-checkpoint", "audit", null, "entry=" + signed.lastSeq());
        return signed;
    }

    /** Signs a checkpoint and writes it to a file as JSON. */
    public AuditCheckpoint writeCheckpoint(Path file, Actor actor) {
        AuditCheckpoint checkpoint = checkpoint(actor);
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), checkpoint);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
        return checkpoint;
    }

    /** Reads a checkpoint file written by {@link #writeCheckpoint}; its signature is checked by {@link #verify}. */
    public static AuditCheckpoint readCheckpoint(Path file) {
        try {
            AuditCheckpoint c = JSON.readValue(file.toFile(), AuditCheckpoint.class);
            if (c.site() == null || c.lastHash() == null || c.time() == null || c.signature() == null) {
                throw new WrongFileException(WrongFileException.Kind.AUDIT_CHECKPOINT, file
                        + " is not an audit checkpoint (site, lastHash, time or signature is missing)");
            }
            return c;
        } catch (IOException e) {
            throw new WrongFileException(WrongFileException.Kind.AUDIT_CHECKPOINT, file
                    + " is not a readable audit checkpoint (" + e.getClass().getSimpleName() + ")", e);
        }
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
