package com.outcomedesk.audit;

import com.outcomedesk.audit.AuditLog.Break;
import com.outcomedesk.audit.AuditLog.Chain;
import com.outcomedesk.audit.AuditLog.Verification;
import com.outcomedesk.store.AuditRow;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over every site's chain in order. This site's links are checked in full: plain SHA-256 before its
 * keyed start, HMAC under the store's audit key from there on. Other sites' entries arrived by sync, keyed under
 * their own site's key, which this store does not hold: for them only gaps and broken links can be seen here.
 */
final class ChainWalk {
    private final ChainLinks links;
    private final String local;
    private final long keyedFrom;
    private final AuditCheckpoint checkpoint;
    private final List<Chain> chains = new ArrayList<>();
    private long checked;
    private Break firstBreak;
    private String site;
    private long expectedSeq;
    private String prev;
    private long entries;
    private long localLast;
    private String hashAtCheckpoint;

    ChainWalk(ChainLinks links, String local, long keyedFrom, AuditCheckpoint checkpoint) {
        this.links = links;
        this.local = local;
        this.keyedFrom = keyedFrom;
        this.checkpoint = checkpoint;
    }

    /** Checks the next entry; false once the chain is broken, as later entries prove nothing more. */
    boolean accept(AuditRow e) {
        checked++;
        if (!e.site().equals(site)) {
            closeChain();
            site = e.site();
            expectedSeq = 1;
            prev = ChainLinks.GENESIS;
            entries = 0;
        }
        entries++;
        firstBreak = check(e);
        if (firstBreak != null) return false;
        expectedSeq++;
        prev = e.hash();
        if (site.equals(local)) {
            localLast = e.seq();
            if (checkpoint != null && e.seq() == checkpoint.lastSeq()) hashAtCheckpoint = e.hash();
        }
        return true;
    }

    Verification result() {
        closeChain();
        if (firstBreak == null && checkpoint != null) firstBreak = againstCheckpoint();
        return new Verification(firstBreak == null, checked, firstBreak, List.copyOf(chains),
                checkpoint == null ? null : checkpoint.time());
    }

    private Break check(AuditRow e) {
        if (e.seq() != expectedSeq) {
            return new Break(e.site(), expectedSeq, "entry " + expectedSeq + " is missing (next is " + e.seq() + ")");
        }
        if (!e.prevHash().equals(prev)) {
            return new Break(e.site(), e.seq(), "does not link to the entry before it (that entry was altered or replaced)");
        }
        if (!e.site().equals(local)) return null;
        String content = ChainLinks.content(e);
        if (e.seq() < keyedFrom) {
            return ChainLinks.plain(content).equals(e.hash()) ? null
                    : new Break(e.site(), e.seq(), "content does not match its hash (the entry was altered)");
        }
        return links.matches(content, e.hash()) ? null : new Break(e.site(), e.seq(),
                "content does not match its keyed link (the entry was altered, or written without the store's audit key)");
    }

    private Break againstCheckpoint() {
        String at = " since the checkpoint of " + checkpoint.time().toInstant();
        if (!links.matches(checkpoint.statement(), checkpoint.signature())) {
            return new Break(checkpoint.site(), checkpoint.lastSeq(), "the checkpoint's signature does not match this"
                    + " store's audit key (the file was altered, or it is from another store)");
        }
        if (!checkpoint.site().equals(local)) {
            return new Break(checkpoint.site(), checkpoint.lastSeq(), "the checkpoint is of site " + checkpoint.site()
                    + ", not of this store's site " + local);
        }
        if (localLast < checkpoint.lastSeq()) {
            return new Break(local, localLast + 1, "entries " + (localLast + 1) + " to " + checkpoint.lastSeq()
                    + " were deleted" + at + " (it ended at entry " + checkpoint.lastSeq() + ", the chain now ends at "
                    + (localLast == 0 ? "no entry" : "entry " + localLast) + ")");
        }
        if (!checkpoint.lastHash().equals(hashAtCheckpoint)) {
            return new Break(local, checkpoint.lastSeq(), "entry " + checkpoint.lastSeq() + " is not the one signed"
                    + at + " (the chain was rewritten from there or before)");
        }
        return null;
    }

    private void closeChain() {
        if (site == null) return;
        boolean here = site.equals(local);
        long plain = here ? Math.min(entries, keyedFrom - 1) : 0;
        chains.add(new Chain(site, here, entries, here ? AuditLog.Check.KEYED_LINKS : AuditLog.Check.GAPS_AND_LINKS_ONLY,
                plain, here ? keyedFrom : 0));
        site = null;
    }
}
