package com.outcomedesk.sync;

import com.outcomedesk.sync.SyncColumn.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** A synced table: its columns (the first is the key) as one row is copied between stores. */
record SyncTable(String name, List<SyncColumn> columns) {

    static final SyncTable APPOINTMENTS = of("appointments",
            "id", Type.UUID, "external_id", Type.TEXT, "doctor_id", Type.TEXT, "patient_ref", Type.TEXT,
            "appointment_date", Type.DATE, "summary", Type.TEXT, "outcome_text", Type.TEXT,
            "outcome_category", Type.TEXT, "outcome_source", Type.TEXT, "created_at", Type.TIMESTAMP,
            "created_by", Type.TEXT, "updated_at", Type.TIMESTAMP, "updated_by", Type.TEXT, "site_id", Type.TEXT,
            "hlc", Type.LONG, "deleted", Type.BOOL);

    static final SyncTable MODEL_VERSIONS = of("model_versions",
            "id", Type.UUID, "version_number", Type.INT, "algorithm", Type.TEXT, "parameters", Type.TEXT,
            "feature_spec", Type.TEXT, "data_fingerprint", Type.TEXT, "labelled_rows", Type.LONG, "folds", Type.INT,
            "metrics", Type.TEXT, "provenance", Type.TEXT, "artifact", Type.BYTES, "artifact_format", Type.INT,
            "artifact_sha256", Type.TEXT, "status", Type.TEXT, "trained_by", Type.TEXT, "trained_at", Type.TIMESTAMP,
            "duration_ms", Type.LONG, "site_id", Type.TEXT);

    static final SyncTable MODEL_ACTIVATIONS = of("model_activations",
            "id", Type.UUID, "model_version_id", Type.UUID, "action", Type.TEXT, "occurred_at", Type.TIMESTAMP,
            "by_user", Type.TEXT, "site_id", Type.TEXT, "hlc", Type.LONG);

    static final SyncTable PREDICTIONS = of("predictions",
            "id", Type.UUID, "appointment_id", Type.UUID, "doctor_id", Type.TEXT, "model_version_id", Type.UUID,
            "answered_by", Type.TEXT, "label", Type.TEXT, "probability", Type.DOUBLE, "category", Type.TEXT,
            "risk_tier", Type.TEXT, "latency_micros", Type.LONG, "created_at", Type.TIMESTAMP,
            "created_by", Type.TEXT, "site_id", Type.TEXT);

    static final SyncTable AUDIT = of("audit_log",
            "id", Type.UUID, "seq", Type.LONG, "occurred_at", Type.TIMESTAMP, "user_name", Type.TEXT,
            "action", Type.TEXT, "entity", Type.TEXT, "entity_id", Type.TEXT, "details", Type.TEXT,
            "site_id", Type.TEXT, "prev_hash", Type.TEXT, "hash", Type.TEXT);

    static final SyncTable MAPPINGS = of("outcome_mappings",
            "normalized_text", Type.TEXT, "outcome_text", Type.TEXT, "category", Type.TEXT, "source", Type.TEXT,
            "created_at", Type.TIMESTAMP, "created_by", Type.TEXT);

    static final SyncTable CONFLICTS = of("sync_conflicts",
            "id", Type.UUID, "entity", Type.TEXT, "entity_id", Type.TEXT, "winner_hlc", Type.LONG,
            "winner_site", Type.TEXT, "loser_hlc", Type.LONG, "loser_site", Type.TEXT, "loser_data", Type.TEXT,
            "detected_at", Type.TIMESTAMP, "status", Type.TEXT, "resolved_by", Type.TEXT,
            "resolved_at", Type.TIMESTAMP);

    /** Only the key: doctors are created wherever an appointment refers to one. */
    static final SyncTable DOCTORS = of("doctors", "doctor_id", Type.TEXT);

    private static SyncTable of(String name, Object... pairs) {
        List<SyncColumn> columns = new java.util.ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) columns.add(new SyncColumn((String) pairs[i], (Type) pairs[i + 1]));
        return new SyncTable(name, List.copyOf(columns));
    }

    String key() {
        return columns.get(0).name();
    }

    int index(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        throw new IllegalArgumentException(name + " has no synced column " + column);
    }

    String columnList() {
        return columnList("");
    }

    /** The columns, each qualified by the given alias prefix (e.g. "a."), for joins. */
    String columnList(String prefix) {
        return columns.stream().map(c -> prefix + c.name()).collect(Collectors.joining(", "));
    }

    /** INSERT of every synced column followed by the given extra columns. */
    String insertSql(String... extra) {
        String cols = columnList() + (extra.length == 0 ? "" : ", " + String.join(", ", extra));
        int n = columns.size() + extra.length;
        return "INSERT INTO " + name + " (" + cols + ") VALUES (" + "?, ".repeat(n - 1) + "?)";
    }

    /** UPDATE of every synced non-key column, then the extra assignments, by key. */
    String updateSql(String... extraAssignments) {
        String sets = columns.subList(1, columns.size()).stream().map(c -> c.name() + " = ?")
                .collect(Collectors.joining(", "));
        if (extraAssignments.length > 0) sets += ", " + String.join(", ", extraAssignments);
        return "UPDATE " + name + " SET " + sets + " WHERE " + key() + " = ?";
    }

    Object[] read(ResultSet rs) throws SQLException {
        Object[] row = new Object[columns.size()];
        for (int i = 0; i < row.length; i++) row[i] = columns.get(i).read(rs, i + 1);
        return row;
    }

    /**
     * Binds every column of the row from parameter 1 on (values past the table's columns are ignored);
     * returns the next free parameter index.
     */
    int bindAll(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) columns.get(i).bind(ps, i + 1, row[i]);
        return columns.size() + 1;
    }

    /** Binds the non-key columns from parameter 1 on; returns the next free parameter index. */
    int bindValues(PreparedStatement ps, Object[] row) throws SQLException {
        for (int i = 1; i < columns.size(); i++) columns.get(i).bind(ps, i, row[i]);
        return columns.size();
    }

    void bindKey(PreparedStatement ps, int index, Object key) throws SQLException {
        columns.get(0).bind(ps, index, key);
    }
}
