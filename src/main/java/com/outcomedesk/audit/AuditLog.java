package com.outcomedesk.audit;

import com.outcomedesk.errors.WrongFileException;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.AuditHead;
import com.outcomedesk.store.AuditRepository;
import com.outcomedesk.store.Database;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Reading the audit trail (administrators only): browsing with filters, checking the chains, and signed
 * checkpoints. The check walks each site's chain in order and reports the first entry that does not follow from
 * the one before: an altered row no longer matches its keyed link, a deleted row leaves a gap in the sequence.
 * Deleting the newest entries leaves neither; a checkpoint signed before shows it.
 */
public final class AuditLog {
    private final Database database;
    private final AuditRepository rows;
    private final AuditTrail trail;

    public AuditLog(Database database, AuditTrail trail) {
        this.database = database;
        this.rows = new AuditRepository(database);
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
        List<AuditEntry> entries = rows.list(query.filter()).stream().map(AuditEntry::of).toList();
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
        return walkChains(actor, checkpoint);
    }

    /**
     * Checks every site's chain without first reading the whole store: for a store this process has just written
     * from checked parts (a restore, which counts every table's rows), where reading every row again proves nothing
     * new and, on a million appointments, costs a pass over all of them.
     */
    public Verification verifyChainsOfFreshStore(Actor actor) {
        actor.requireAdministrator("verify the audit trail");
        return walkChains(actor, null);
    }

    private Verification walkChains(Actor actor, AuditCheckpoint checkpoint) {
        String local = trail.siteId();
        ChainWalk walk = new ChainWalk(trail.links(), local, Math.max(1, trail.keyedFrom(local)), checkpoint);
        rows.walk(walk::accept);
        Verification result = walk.result();
        trail.record(actor, "audit-verify", "audit", null, (result.intact() ? "intact" : "broken")
                + (checkpoint == null ? "" : " checkpoint=" + checkpoint.lastSeq()));
        return result;
    }

    /** Signs where this site's chain stands now; keep the statement outside the store. */
    public AuditCheckpoint checkpoint(Actor actor) {
        actor.requireAdministrator("sign an audit checkpoint");
        String site = trail.siteId();
        AuditHead head = trail.head(site);
        AuditCheckpoint unsigned = new AuditCheckpoint(site, head.seq(), head.hash(), rows.count(site), trail.now(),
                AuditCheckpoint.VERIFIABLE_BY, null);
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
}
