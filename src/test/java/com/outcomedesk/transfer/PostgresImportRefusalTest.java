package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.StoreException;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A row the database refuses although it passed validation (here: a constraint the store does not know about)
 * costs only that row, and no database error puts the statement's values into a message or on stderr. Each test
 * alters its database (a constraint, a trigger), so each gets a database of its own.
 */
@NeedsPostgres
class PostgresImportRefusalTest {
    private static final Actor USER = new Actor("tester", Role.ADMINISTRATOR);
    private static final String SERVER = TestStores.PG_URL.substring(0, TestStores.PG_URL.lastIndexOf('/') + 1);
    private final String database = "importer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    @TempDir Path dir;

    @BeforeEach
    void createDatabase() throws SQLException {
        admin("CREATE DATABASE " + database);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        admin("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static void admin(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(TestStores.PG_URL, TestStores.PG_USER, null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Engine open(String name) {
        return Engine.open(new StoreLocation(dir.resolve(name), SERVER + database, TestStores.PG_USER, null));
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + database, TestStores.PG_USER, null);
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private Path file(String name, String... patients) throws IOException {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < patients.length; i++) {
            if (i > 0) json.append(",\n");
            json.append("{\"id\":\"").append(name).append('-').append(i).append("\",\"doctor_id\":\"dr_a\",")
                    .append("\"summary\":\"Seen today with fever and cough.\",\"patient_ref\":\"").append(patients[i]).append("\"}");
        }
        Path file = dir.resolve(name + ".json");
        Files.writeString(file, json.append(']').toString());
        return file;
    }

    @Test
    void aRowTheDatabaseRefusesIsRejectedAloneAndTheRestOfItsBatchIsStored() throws Exception {
        try (Engine engine = open("refused")) {
            execute("ALTER TABLE appointments ADD CONSTRAINT test_refuses CHECK (patient_ref <> 'P-REFUSED-SECRET')");
            try {
                ImportReport report = engine.importer().importFile(file("refused", "P-1", "P-2", "P-REFUSED-SECRET", "P-4"),
                        USER, ProgressListener.NONE);
                assertThat(report.imported()).isEqualTo(3);
                assertThat(report.rejected()).singleElement().satisfies(r -> {
                    assertThat(r.position()).isEqualTo(3);
                    assertThat(r.reason()).isEqualTo("the database refused it (SQLState 23514)");
                });
                assertThat(engine.appointments().counts().appointments()).isEqualTo(3);
            } finally {
                execute("ALTER TABLE appointments DROP CONSTRAINT test_refuses");
            }
        }
    }

    @Test
    void aDatabaseErrorThatStopsTheImportNamesPositionsAndSqlStateOnly() throws Exception {
        PrintStream stderr = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Engine engine = open("stopped")) {
            execute("""
                    CREATE FUNCTION test_drop() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NEW.patient_ref = 'P-FATAL-SECRET' THEN RAISE EXCEPTION 'lost' USING ERRCODE = '08006'; END IF;
                      RETURN NEW;
                    END $$""");
            execute("CREATE TRIGGER test_drop BEFORE INSERT ON appointments FOR EACH ROW EXECUTE FUNCTION test_drop()");
            System.setErr(new PrintStream(captured, true));
            try {
                assertThatThrownBy(() -> engine.importer().importFile(file("stopped", "P-1", "P-FATAL-SECRET"), USER,
                        ProgressListener.NONE))
                        .isInstanceOf(StoreException.class)
                        .hasMessage("Import stopped by a database error in records 1 to 2 (SQLState 08006). Records before "
                                + "those are stored; importing the file again adds the rest.")
                        .hasNoCause();
            } finally {
                System.setErr(stderr);
                execute("DROP TRIGGER test_drop ON appointments");
            }
            assertThat(captured.toString()).doesNotContain("SECRET").doesNotContain("INSERT");
            assertThat(engine.appointments().counts().appointments()).isZero();
        }
    }
}
