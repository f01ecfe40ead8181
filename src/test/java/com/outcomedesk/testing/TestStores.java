package com.outcomedesk.testing;

import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Stores for tests: an H2 file store in a temporary directory, or a fresh schema on the tests' PostgreSQL
 * server ({@link TestPostgres}: the one at 127.0.0.1:5432, else an embedded one). It never skips.
 */
public final class TestStores {
    public static final String PG_URL = TestPostgres.url();
    public static final String PG_USER = TestPostgres.USER;

    private TestStores() {
    }

    public static StoreLocation h2(Path dir) {
        return StoreLocation.of(dir, null);
    }

    /** A new, empty schema; drop it with {@link #dropPostgresSchema(String)}. */
    public static String createPostgresSchema() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("CREATE SCHEMA " + schema);
        return schema;
    }

    public static StoreLocation postgres(Path home, String schema) {
        return new StoreLocation(home, PG_URL + "?currentSchema=" + schema, PG_USER, null);
    }

    public static void dropPostgresSchema(String schema) {
        execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }

    private static void execute(String sql) {
        try (Connection c = DriverManager.getConnection(PG_URL, PG_USER, null); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + PG_URL + " is required for this test: " + e.getMessage(), e);
        }
    }

    /** The reference sample, copied into the test resources so no test reads outside the repository. */
    public static Path referenceSample() {
        return reference("doctor_appointment_summaries.json");
    }

    /** A file of the reference folder in the test resources ({@code src/test/resources/reference}). */
    public static Path reference(String name) {
        Path p = Path.of("src", "test", "resources", "reference", name);
        if (!p.toFile().isFile()) throw new IllegalStateException("Reference file not found at " + p.toAbsolutePath());
        return p;
    }
}
