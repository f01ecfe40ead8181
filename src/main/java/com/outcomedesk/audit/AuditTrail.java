package com.outcomedesk.audit;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.AuditHead;
import com.outcomedesk.store.AuditRepository;
import com.outcomedesk.store.AuditRow;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The append-only audit trail: who did what, when, to which record. Each entry is linked to the previous entry
 * on this site by an HMAC-SHA256 over its content and the previous link, under the store's audit key
 * ({@code StoreSecrets}, kept out of the database), so an entry cannot be altered, inserted or removed from the
 * middle without the key. A chain begun before keyed links keeps its plain SHA-256 links up to an
 * {@value ChainLinks#KEYED_FROM_HERE} entry, which seals them: it links to the last plain entry.
 */
public final class AuditTrail {
    private static final Actor SYSTEM = new Actor("outcome-desk", Role.ADMINISTRATOR);
    private static final AuditHead EMPTY = new AuditHead(0, ChainLinks.GENESIS);

    private final AuditRepository rows;
    private final ChangeStamper stamper;
    private final ChainLinks links;
    /** This site's newest entry as last written here (checked against the store before each use); null: unknown. */
    private AuditHead newest;

    public AuditTrail(Database database, ChangeStamper stamper, byte[] auditKey) {
        this.rows = new AuditRepository(database);
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

    /** The column keeps microseconds; linking finer digits would make every entry fail verification. */
    OffsetDateTime now() {
        return stamper.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Appends one entry. {@code details} must never hold summary text or patient references. */
    public synchronized void record(Actor actor, String action, String entity, String entityId, String details) {
        String site = stamper.siteId();
        newest = rows.append(site, newest, head -> List.of(next(site, head, actor, action, entity, entityId, details)));
    }

    /**
     * Appends one entry inside the caller's transaction and commits it, so the entry and the changes it records
     * are stored together or not at all (an import killed mid-way leaves an entry for every batch it committed).
     */
    public synchronized void recordAndCommit(Connection c, Actor actor, String action, String entity, String entityId,
                                             String details) throws SQLException {
        recordAllAndCommit(c, List.of(new Entry(actor, action, entity, entityId, details)));
    }

    /** One entry to append: {@code details} must never hold summary text or patient references. */
    public record Entry(Actor actor, String action, String entity, String entityId, String details) {
    }

    /**
     * Appends entries, linked one after another, inside the caller's transaction and commits it: the records they
     * audit and the entries are stored together or not at all, under one commit however many there are.
     */
    public synchronized void recordAllAndCommit(Connection c, List<Entry> entries) throws SQLException {
        String site = stamper.siteId();
        AuditHead after = AuditRepository.append(c, site, newest, stored -> {
            List<AuditRow> rows = new ArrayList<>(entries.size());
            Optional<AuditHead> head = stored;
            for (Entry e : entries) {
                AuditRow row = next(site, head, e.actor(), e.action(), e.entity(), e.entityId(), e.details());
                rows.add(row);
                head = Optional.of(new AuditHead(row.seq(), row.hash()));
            }
            return rows;
        });
        c.commit();
        newest = after;
    }

    /**
     * On a chain begun with plain links (before keyed links existed) that has no keyed start yet, records where
     * keyed links start. A chain begun keyed needs none: its first entry is keyed.
     */
    private synchronized void startKeyedLinks() {
        String site = stamper.siteId();
        long last = rows.lastSeq(site);
        if (last > 0 && keyedFrom(site) == 0 && !begunKeyed(site)) {
            record(SYSTEM, ChainLinks.KEYED_FROM_HERE, "audit", null, "plain links up to entry " + last);
        }
    }

    private boolean begunKeyed(String site) {
        return rows.entry(site, 1).filter(first -> links.matches(ChainLinks.content(first), first.hash())).isPresent();
    }

    /** The sequence number of a site's first keyed-start entry, or 0 when it has none. */
    long keyedFrom(String site) {
        return rows.firstSeqOf(site, ChainLinks.KEYED_FROM_HERE);
    }

    /** The newest entry of a site's chain (0 and the genesis link when it is empty). */
    AuditHead head(String site) {
        return rows.head(site).orElse(EMPTY);
    }

    private AuditRow next(String site, Optional<AuditHead> newest, Actor actor, String action, String entity,
                          String entityId, String details) {
        OffsetDateTime at = now();
        AuditHead head = newest.orElse(EMPTY);
        long seq = head.seq() + 1;
        String hash = links.keyed(ChainLinks.content(head.hash(), site, seq, at, actor.name(), action, entity, entityId,
                details));
        return new AuditRow(site, seq, at, actor.name(), action, entity, entityId, details, head.hash(), hash);
    }
}
