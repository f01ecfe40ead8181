package com.outcomedesk.bench;

import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.sync.SyncEngine;
import com.outcomedesk.sync.SyncException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The sync benchmark's SQL: a scratch schema on the server, and the plain inserts that fill site A with generated
 * appointments faster than the import would (the benchmark measures the sync, not the import).
 */
final class SyncBenchmarkSql {
    static final String INSERT_DOCTOR = "INSERT INTO doctors (doctor_id, created_at) VALUES (?, ?)";
    /** Parameters: id, external_id, doctor_id, patient_ref, appointment_date, summary, outcome_text, created_at,
     * created_by, updated_at, updated_by, site_id, hlc; a local change never synced (row_version 0, not deleted). */
    static final String INSERT_APPOINTMENT = "INSERT INTO appointments (id, external_id, doctor_id, patient_ref, "
            + "appointment_date, summary, outcome_text, created_at, created_by, updated_at, updated_by, site_id, "
            + "row_version, hlc, deleted) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,0,?,FALSE)";

    private SyncBenchmarkSql() {
    }

    /** The server with a new, empty schema of the given name as its current schema. */
    static ServerConfig createScratchSchema(ServerConfig server, String schema) {
        execute(server, "CREATE SCHEMA " + schema);
        String sep = server.url().contains("?") ? "&" : "?";
        return new ServerConfig(server.url() + sep + "currentSchema=" + schema, server.user(), server.password());
    }

    static void dropScratchSchema(ServerConfig server, String schema) {
        execute(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(ServerConfig server, String sql) {
        try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SyncException("The benchmark needs the PostgreSQL server " + server.displayName() + ": "
                    + SyncEngine.firstLine(e), e);
        }
    }
}
