package com.outcomedesk.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What someone who can write the database but holds no key can do: edit rows with SQL and recompute every plain
 * SHA-256 link after them, the way the chain was linked before it was keyed. Written independently of the main
 * code, so that a change there cannot make the forgery agree with it by accident.
 */
public final class ChainForger {
    private ChainForger() {
    }

    /** Runs one SQL statement against an H2 file store (the engine must be closed). */
    public static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }

    /** Recomputes, in order, prev_hash and a plain SHA-256 hash for every entry of the site from {@code fromSeq}. */
    public static void relinkPlain(String url, String site, long fromSeq) throws Exception {
        try (Connection c = DriverManager.getConnection(url)) {
            record Row(long seq, OffsetDateTime at, String user, String action, String entity, String entityId,
                       String details) {
            }
            List<Row> rows = new ArrayList<>();
            String prev = "0".repeat(64);
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, occurred_at, user_name, action, entity,"
                    + " entity_id, details, hash FROM audit_log WHERE site_id = ? ORDER BY seq")) {
                ps.setString(1, site);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (rs.getLong(1) < fromSeq) {
                            prev = rs.getString(8);
                            continue;
                        }
                        rows.add(new Row(rs.getLong(1), rs.getObject(2, OffsetDateTime.class), rs.getString(3),
                                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE audit_log SET prev_hash = ?, hash = ? WHERE site_id = ? AND seq = ?")) {
                for (Row r : rows) {
                    String content = String.join("\u001f", prev, site, Long.toString(r.seq()), r.at().toInstant().toString(),
                            r.user(), r.action(), String.valueOf(r.entity()), String.valueOf(r.entityId()),
                            String.valueOf(r.details()));
                    String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(content.getBytes(StandardCharsets.UTF_8)));
                    ps.setString(1, prev);
                    ps.setString(2, hash);
                    ps.setString(3, site);
                    ps.setLong(4, r.seq());
                    ps.executeUpdate();
                    prev = hash;
                }
            }
        }
    }

    /** The site id of a store's own chain. */
    public static String siteOf(String url) throws Exception {
        try (Connection c = DriverManager.getConnection(url); var s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT setting_value FROM settings WHERE name = 'site_id'")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
