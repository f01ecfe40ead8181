package com.outcomedesk.store;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * What scoring a file needs from a store without accounts, read over one plain connection: the active version's
 * artifact and the risk cut-offs setting. It skips migrating and starting Hibernate, which cost a file prediction
 * most of its start-up. Empty whenever the full engine must decide instead: no store file yet, accounts, no active
 * version, or any read failure (an old schema, a locked file), so that path says what is wrong.
 */
public final class ActiveModelRead {
    /** The active version's stored artifact, with what it is signed for, and the stored risk cut-offs (null if unset). */
    public record Active(UUID id, ModelVersionRepository.StoredArtifact artifact, String riskCutoffs) {
    }

    private ActiveModelRead() {
    }

    public static Optional<Active> of(StoreLocation location, String riskCutoffsSetting) {
        Optional<java.nio.file.Path> file = location.databaseFile();
        // A missing H2 file would be created by connecting; the engine creates and migrates stores.
        if (file.isPresent() && !Files.exists(file.get().resolveSibling(file.get().getFileName() + ".mv.db"))) return Optional.empty();
        if (location.jdbcUrl().startsWith("jdbc:h2:mem:")) return Optional.empty();
        Properties credentials = new Properties();
        if (location.user() != null) credentials.setProperty("user", location.user());
        if (location.password() != null) credentials.setProperty("password", location.password());
        // Nothing is written, so the files keep the owner-only modes the engine gave them; without a trace file H2
        // creates none beside them. (Checking the modes here would start the logging framework: 600 classes.)
        try (Connection c = DriverManager.getConnection(withoutTraceFile(location), credentials)) {
            c.setReadOnly(true);
            if (count(c, "SELECT COUNT(*) FROM user_accounts") > 0) return Optional.empty();
            return active(c, riskCutoffsSetting);
        } catch (SQLException e) {
            return Optional.empty();
        }
    }

    private static String withoutTraceFile(StoreLocation location) {
        String url = location.jdbcUrl();
        boolean h2 = location.vendor() == Vendor.H2;
        return !h2 || url.toUpperCase(java.util.Locale.ROOT).contains(";TRACE_LEVEL_FILE=") ? url : url + ";TRACE_LEVEL_FILE=0";
    }

    private static Optional<Active> active(Connection c, String setting) throws SQLException {
        UUID id;
        ModelVersionRepository.StoredArtifact artifact;
        try (PreparedStatement s = c.prepareStatement("SELECT id, artifact, artifact_format, version_number, site_id "
                + "FROM model_versions WHERE status = ?")) {
            s.setString(1, ModelVersion.Status.active.name());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                id = rs.getObject(1, UUID.class);
                artifact = new ModelVersionRepository.StoredArtifact(rs.getBytes(2), rs.getObject(3, Integer.class), rs.getInt(4),
                        rs.getString(5));
                if (rs.next()) return Optional.empty(); // two active rows: let the engine pick as it always does
            }
        }
        String cutoffs = null;
        try (PreparedStatement s = c.prepareStatement("SELECT setting_value FROM settings WHERE name = ?")) {
            s.setString(1, setting);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next()) cutoffs = rs.getString(1);
            }
        }
        return Optional.of(new Active(id, artifact, cutoffs));
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
