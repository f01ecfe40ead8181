package com.outcomedesk.sync;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A digest per synced table over every synced column, so replicas can be compared: after a full sync a
 * local store and the server hold identical contents. Local bookkeeping (row versions, server numbers)
 * is left out. Meant for tests and checks on modest stores: it holds one line per row in memory.
 */
public final class StoreChecksum {
    /** Each store seeds the reference mapping itself, with its own time stamp: compare what the rows say. */
    private static final SyncTable MAPPING_CONTENT = new SyncTable("outcome_mappings",
            SyncTable.MAPPINGS.columns().subList(0, SyncTable.MAPPINGS.index("created_at")), java.util.Map.of());
    private static final List<SyncTable> TABLES = List.of(SyncTable.APPOINTMENTS, SyncTable.MODEL_VERSIONS,
            SyncTable.MODEL_ACTIVATIONS, SyncTable.PREDICTIONS, SyncTable.AUDIT, MAPPING_CONTENT,
            SyncTable.CONFLICTS);

    private StoreChecksum() {
    }

    /** Table name to hex SHA-256 (and row count), in a fixed order. */
    public static Map<String, String> of(Connection c) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        for (SyncTable t : TABLES) {
            // Sorted here, not in SQL: H2 and PostgreSQL collate text keys differently.
            TreeMap<String, String> rows = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + t.columnList() + " FROM " + t.name());
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    StringBuilder line = new StringBuilder();
                    for (Object v : t.read(rs).values()) line.append(canonical(v));
                    rows.put(line.substring(0, line.indexOf("\u001f")), line.toString());
                }
            }
            MessageDigest digest = sha256();
            for (String line : rows.values()) digest.update(line.getBytes(StandardCharsets.UTF_8));
            sums.put(t.name(), rows.size() + ":" + HexFormat.of().formatHex(digest.digest()));
        }
        return sums;
    }

    private static String canonical(Object v) {
        if (v == null) return "\u0000";
        if (v instanceof OffsetDateTime t) return t.toInstant().toString() + "\u001f";
        if (v instanceof byte[] b) return Arrays.hashCode(b) + ":" + b.length + "\u001f";
        return v + "\u001f";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
