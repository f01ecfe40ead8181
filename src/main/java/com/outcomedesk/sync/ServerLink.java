package com.outcomedesk.sync;

import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.Vendor;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/** One connection to the shared server for one sync run, its schema brought up to date first. */
final class ServerLink implements AutoCloseable {
    private final Connection connection;
    private final String serverId;

    private ServerLink(Connection connection, String serverId) {
        this.connection = connection;
        this.serverId = serverId;
    }

    static ServerLink open(ServerConfig config, int connectTimeoutSeconds) throws SQLException {
        Vendor vendor = Vendor.of(config.url());
        Properties props = new Properties();
        if (config.user() != null) props.setProperty("user", config.user());
        if (config.password() != null) props.setProperty("password", config.password());
        if (vendor == Vendor.POSTGRESQL) {
            props.setProperty("connectTimeout", Integer.toString(connectTimeoutSeconds));
            props.setProperty("socketTimeout", "120");
            props.setProperty("tcpKeepAlive", "true");
            props.setProperty("reWriteBatchedInserts", "true");
            props.setProperty("ApplicationName", "OutcomeDesk sync");
        }
        Connection c = DriverManager.getConnection(config.url(), props);
        try {
            migrate(config, vendor);
            c.setAutoCommit(false);
            return new ServerLink(c, serverId(c));
        } catch (SQLException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static void migrate(ServerConfig config, Vendor vendor) throws SQLException {
        try {
            Flyway.configure().dataSource(config.url(), config.user(), config.password())
                    .locations(vendor.migrationLocations()).placeholders(vendor.migrationPlaceholders())
                    .load().migrate();
        } catch (FlywayException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof SQLException sql) throw sql;
            }
            throw new SQLException("The server schema could not be brought up to date: " + e.getMessage(), "XX000", e);
        }
    }

    /** The server store's own site id names the high-water marks, so a new server starts from zero. */
    private static String serverId(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM settings WHERE name = ?")) {
            ps.setString(1, SettingsRepository.SITE_ID);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    String id = rs.getString(1);
                    c.commit();
                    return id;
                }
            }
        }
        String id = "site-" + UUID.randomUUID().toString().substring(0, 8);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO settings (name, setting_value) VALUES (?, ?)")) {
            ps.setString(1, SettingsRepository.SITE_ID);
            ps.setString(2, id);
            ps.executeUpdate();
        }
        c.commit();
        return id;
    }

    Connection connection() {
        return connection;
    }

    String serverId() {
        return serverId;
    }

    /** Whether the failure means the server could not be reached or the connection dropped. */
    static boolean isConnectionLoss(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) return true;
            if (t instanceof java.io.IOException) return true;
        }
        return false;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // The connection may already be gone; nothing is pending on it.
        }
    }
}
