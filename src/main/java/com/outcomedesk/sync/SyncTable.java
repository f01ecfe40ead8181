package com.outcomedesk.sync;

import com.outcomedesk.sync.SyncColumn.Type;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The sync catalogue, its single source of which columns travel: a synced table's columns (the first is the key)
 * as one row is copied between stores, and the table's other columns, each with the reason it stays local.
 * SyncCatalogueTest holds both against the schema Flyway creates, so a new column must be put in one of them.
 */
final class SyncTable {
    private static final String SERVER_SEQ = "the server's change number: pulls compare against it, a local store "
            + "keeps it as the sign of a row being on the server; sync reads and writes it beside the row";

    static final SyncTable APPOINTMENTS = of("appointments", Map.of(
                    "server_seq", SERVER_SEQ,
                    "row_version", "the local optimistic-lock counter of edits; each store counts its own",
                    "base_hlc", "unused since V41 (the agreed version moved to appointment_sync_base); kept, "
                            + "dropping it would copy the whole table at an upgrade",
                    "base_site", "unused since V41, as base_hlc"),
            "id", Type.UUID, "external_id", Type.TEXT, "doctor_id", Type.TEXT, "patient_ref", Type.TEXT,
            "appointment_date", Type.DATE, "summary", Type.TEXT, "outcome_text", Type.TEXT,
            "outcome_category", Type.TEXT, "outcome_source", Type.TEXT, "created_at", Type.TIMESTAMP,
            "created_by", Type.TEXT, "updated_at", Type.TIMESTAMP, "updated_by", Type.TEXT, "site_id", Type.TEXT,
            "hlc", Type.LONG, "deleted", Type.BOOL);

    static final SyncTable MODEL_VERSIONS = of("model_versions", Map.of("server_seq", SERVER_SEQ),
            "id", Type.UUID, "version_number", Type.INT, "algorithm", Type.TEXT, "parameters", Type.TEXT,
            "feature_spec", Type.TEXT, "data_fingerprint", Type.TEXT, "labelled_rows", Type.LONG, "folds", Type.INT,
            "metrics", Type.TEXT, "provenance", Type.TEXT, "artifact", Type.BYTES, "artifact_format", Type.INT,
            "artifact_sha256", Type.TEXT, "status", Type.TEXT, "trained_by", Type.TEXT, "trained_at", Type.TIMESTAMP,
            "duration_ms", Type.LONG, "site_id", Type.TEXT);

    static final SyncTable MODEL_ACTIVATIONS = of("model_activations", Map.of("server_seq", SERVER_SEQ),
            "id", Type.UUID, "model_version_id", Type.UUID, "action", Type.TEXT, "occurred_at", Type.TIMESTAMP,
            "by_user", Type.TEXT, "site_id", Type.TEXT, "hlc", Type.LONG);

    static final SyncTable PREDICTIONS = of("predictions", Map.of("server_seq", SERVER_SEQ),
            "id", Type.UUID, "appointment_id", Type.UUID, "doctor_id", Type.TEXT, "model_version_id", Type.UUID,
            "answered_by", Type.TEXT, "label", Type.TEXT, "probability", Type.DOUBLE, "category", Type.TEXT,
            "risk_tier", Type.TEXT, "latency_micros", Type.LONG, "created_at", Type.TIMESTAMP,
            "created_by", Type.TEXT, "site_id", Type.TEXT);

    static final SyncTable AUDIT = of("audit_log", Map.of("server_seq", SERVER_SEQ),
            "id", Type.UUID, "seq", Type.LONG, "occurred_at", Type.TIMESTAMP, "user_name", Type.TEXT,
            "action", Type.TEXT, "entity", Type.TEXT, "entity_id", Type.TEXT, "details", Type.TEXT,
            "site_id", Type.TEXT, "prev_hash", Type.TEXT, "hash", Type.TEXT);

    static final SyncTable MAPPINGS = of("outcome_mappings", Map.of(
                    "server_seq", SERVER_SEQ,
                    "base_category", "the category last agreed with the server; sync sets it on both sides, from "
                            + "category, when a decision is agreed"),
            "normalized_text", Type.TEXT, "outcome_text", Type.TEXT, "category", Type.TEXT, "source", Type.TEXT,
            "created_at", Type.TIMESTAMP, "created_by", Type.TEXT);

    static final SyncTable CONFLICTS = of("sync_conflicts", Map.of("server_seq", SERVER_SEQ),
            "id", Type.UUID, "entity", Type.TEXT, "entity_id", Type.TEXT, "winner_hlc", Type.LONG,
            "winner_site", Type.TEXT, "loser_hlc", Type.LONG, "loser_site", Type.TEXT, "loser_data", Type.TEXT,
            "detected_at", Type.TIMESTAMP, "status", Type.TEXT, "resolved_by", Type.TEXT,
            "resolved_at", Type.TIMESTAMP);

    /** Only the key: doctors are created wherever an appointment refers to one. */
    static final SyncTable DOCTORS = of("doctors", Map.of(
                    "display_name", "named at each site, if at all; a doctor travels only as an appointment's reference",
                    "created_at", "when this store first met the doctor"),
            "doctor_id", Type.TEXT);

    /** Every synced table, for checks over the whole catalogue. */
    static final List<SyncTable> ALL = List.of(APPOINTMENTS, MODEL_VERSIONS, MODEL_ACTIVATIONS, PREDICTIONS, AUDIT,
            MAPPINGS, CONFLICTS, DOCTORS);

    /** The synced table of this name, or null. */
    static SyncTable named(String name) {
        for (SyncTable t : ALL) if (t.name.equals(name)) return t;
        return null;
    }

    private final String name;
    private final List<SyncColumn> columns;
    private final Map<String, String> localColumns;
    private final int hlc;
    private final int site;
    private final int deleted;

    SyncTable(String name, List<SyncColumn> columns, Map<String, String> localColumns) {
        this.name = name;
        this.columns = List.copyOf(columns);
        this.localColumns = Map.copyOf(localColumns);
        this.hlc = find("hlc");
        this.site = find("site_id");
        this.deleted = find("deleted");
    }

    private static SyncTable of(String name, Map<String, String> localColumns, Object... pairs) {
        List<SyncColumn> columns = new ArrayList<>();
        for (int i = 0; i < pairs.length; i += 2) columns.add(new SyncColumn((String) pairs[i], (Type) pairs[i + 1]));
        return new SyncTable(name, columns, localColumns);
    }

    String name() {
        return name;
    }

    List<SyncColumn> columns() {
        return columns;
    }

    /** The table's columns that do not travel as row values, each with the reason. */
    Map<String, String> localColumns() {
        return localColumns;
    }

    String key() {
        return columns.get(0).name();
    }

    int index(String column) {
        int i = find(column);
        if (i < 0) throw new IllegalArgumentException(name + " has no synced column " + column);
        return i;
    }

    private int find(String column) {
        for (int i = 0; i < columns.size(); i++) if (columns.get(i).name().equals(column)) return i;
        return -1;
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

    /** The row of these values (one per catalogue column, in order), with its server number if known. */
    SyncRow row(Object[] values, Long serverSeq) {
        Version version = hlc < 0 || values[hlc] == null ? null : new Version((Long) values[hlc], (String) values[site]);
        return new SyncRow(name, values[0], java.util.Arrays.asList(values), version,
                deleted >= 0 && Boolean.TRUE.equals(values[deleted]), site < 0 ? null : (String) values[site], serverSeq);
    }

    /** The row with some columns changed (by name). */
    SyncRow with(SyncRow row, Map<String, Object> changes) {
        Object[] values = row.values().toArray();
        changes.forEach((column, value) -> values[index(column)] = value);
        return row(values, row.serverSeq());
    }

    /** The row with one column changed. */
    SyncRow with(SyncRow row, String column, Object value) {
        Map<String, Object> change = new LinkedHashMap<>();
        change.put(column, value);
        return with(row, change);
    }

    /** Reads the catalogue columns from parameter 1 on. */
    SyncRow read(ResultSet rs) throws SQLException {
        return row(readValues(rs), null);
    }

    /** Reads the catalogue columns followed by server_seq. */
    SyncRow readNumbered(ResultSet rs) throws SQLException {
        Object[] values = readValues(rs);
        long seq = rs.getLong(columns.size() + 1);
        return row(values, rs.wasNull() ? null : seq);
    }

    private Object[] readValues(ResultSet rs) throws SQLException {
        Object[] values = new Object[columns.size()];
        for (int i = 0; i < values.length; i++) values[i] = columns.get(i).read(rs, i + 1);
        return values;
    }

    /** Binds every column of the row from parameter 1 on; returns the next free parameter index. */
    int bindAll(PreparedStatement ps, SyncRow row) throws SQLException {
        for (int i = 0; i < columns.size(); i++) columns.get(i).bind(ps, i + 1, row.value(i));
        return columns.size() + 1;
    }

    /** Binds the non-key columns from parameter 1 on; returns the next free parameter index. */
    int bindValues(PreparedStatement ps, SyncRow row) throws SQLException {
        for (int i = 1; i < columns.size(); i++) columns.get(i).bind(ps, i, row.value(i));
        return columns.size();
    }

    void bindKey(PreparedStatement ps, int index, Object key) throws SQLException {
        columns.get(0).bind(ps, index, key);
    }
}
