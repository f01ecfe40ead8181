package com.outcomedesk.audit;

import com.outcomedesk.store.AuditRow;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * How one entry links to the one before it. A plain SHA-256 link can be recomputed by anyone who can write the
 * table, so it only shows accidents; a keyed link (HMAC-SHA256 under the store's audit key, kept out of the
 * database) cannot be recomputed without the key, so an edit, even with every later link recomputed, is detected.
 * Entries written before keyed links existed keep their plain links.
 */
final class ChainLinks {
    static final String GENESIS = "0".repeat(64);
    /** The entry that starts keyed links on a chain that has plain ones; it and every later entry are keyed. */
    static final String KEYED_FROM_HERE = "audit-chain-keyed";

    private final byte[] key;

    ChainLinks(byte[] key) {
        this.key = key.clone();
    }

    static String content(String prev, String site, long seq, OffsetDateTime at, String user, String action,
                          String entity, String entityId, String details) {
        return String.join("\u001f", prev, site, Long.toString(seq), at.toInstant().toString(), user, action,
                String.valueOf(entity), String.valueOf(entityId), String.valueOf(details));
    }

    static String content(AuditRow e) {
        return content(e.prevHash(), e.site(), e.seq(), e.occurredAt(), e.user(), e.action(), e.entity(),
                e.entityId(), e.details());
    }

    static String plain(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** HMAC-SHA256 of a text under the audit key, in hex: keyed links and signed checkpoints. */
    String keyed(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** Compares in constant time, so a forger learns nothing from how long a check takes. */
    boolean matches(String text, String expectedHex) {
        return expectedHex != null && MessageDigest.isEqual(keyed(text).getBytes(StandardCharsets.US_ASCII),
                expectedHex.getBytes(StandardCharsets.US_ASCII));
    }
}
