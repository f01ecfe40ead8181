package com.outcomedesk.audit;

import java.time.OffsetDateTime;

/**
 * A signed statement of where this site's audit chain stood: its newest entry and how many entries it had.
 * Kept outside the store (printed, mailed, on another machine), it shows later whether the newest entries were
 * deleted, which the chain itself cannot show. The signature is HMAC-SHA256 under the store's audit key, so
 * anyone holding that key (whoever can open this store) can check it, and nobody without it can forge one.
 */
public record AuditCheckpoint(String site, long lastSeq, String lastHash, long count, OffsetDateTime time,
                              String verifiableBy, String signature) {
    static final String VERIFIABLE_BY = "anyone holding this store's audit key (outcome-desk.secrets beside the store),"
            + " by verifying this store's audit trail against this file";

    /** The signed text: every field but the signature and the note on who can check it. */
    String statement() {
        return String.join("\u001f", "outcome-desk audit checkpoint", site, Long.toString(lastSeq), lastHash,
                Long.toString(count), time.toInstant().toString());
    }
}
