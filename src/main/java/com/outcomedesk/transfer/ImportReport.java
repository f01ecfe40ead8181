package com.outcomedesk.transfer;

import java.util.List;

/**
 * What an import did. {@code skipped} counts records already stored with the same content (or repeated in the file);
 * {@code outcomesAdded} counts stored appointments whose unknown outcome the file filled in (the outcome arrived later);
 * {@code conflicting} lists records whose id is stored with different content, which are left as stored.
 * Each list holds at most {@link #MAX_LISTED} entries; its {@code ...Total} counts them all.
 */
public record ImportReport(long imported, long skipped, long outcomesAdded, List<Conflict> conflicting, long conflictingTotal,
                           List<Rejection> rejected, long rejectedTotal, List<String> warnings) {
    public static final int MAX_LISTED = 1000;

    public record Rejection(long position, String reason) {
    }

    /** The record at {@code position} has a stored id but differs in {@code fields} (canonical names). */
    public record Conflict(long position, List<String> fields) {
    }
}
