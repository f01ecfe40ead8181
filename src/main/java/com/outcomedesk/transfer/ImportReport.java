package com.outcomedesk.transfer;

import java.util.List;

/**
 * What an import did. {@code rejected} lists at most {@link #MAX_LISTED} rejections;
 * {@code rejectedTotal} counts them all.
 */
public record ImportReport(long imported, long skipped, List<Rejection> rejected, long rejectedTotal,
                           List<String> warnings) {
    public static final int MAX_LISTED = 1000;

    public record Rejection(long position, String reason) {
    }
}
