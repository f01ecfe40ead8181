package com.outcomedesk.sync;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One row as sync moves it between stores: its table, its key, its values in the order of the table's catalogue
 * columns ({@link SyncTable#columns()}, key first), and what the protocol reads from them: the version (null for a
 * table without a hybrid clock), the deleted flag (false where the table has none) and the site that wrote it (null
 * where the table does not say). {@code serverSeq} is the server's change number of the row when it was read with
 * it (pulls), else null. Values are plain Java values (UUID, String, LocalDate, OffsetDateTime, Long, Integer,
 * Boolean, Double, byte[]), never JDBC types.
 */
public record SyncRow(String table, Object key, List<Object> values, Version version, boolean deleted, String site,
                      Long serverSeq) {

    public SyncRow {
        // Copied, so the row stays as read; a list allowing nulls (List.copyOf does not).
        values = Collections.unmodifiableList(new ArrayList<>(values));
    }

    /** The value of the column at the catalogue index. */
    public Object value(int index) {
        return values.get(index);
    }
}
