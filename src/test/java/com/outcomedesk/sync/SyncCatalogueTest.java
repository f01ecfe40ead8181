package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.store.Database;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync catalogue against the schema Flyway creates in a fresh H2 store (PostgreSQL: SyncCataloguePostgresTest). */
class SyncCatalogueTest {

    @Test
    void catalogueMatchesTheH2Schema(@TempDir Path dir) {
        try (Database db = Database.open(TestStores.h2(dir))) {
            java.util.List<String> problems = db.withConnection(CatalogueCheck::problems);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aColumnAddedWithoutADecisionIsReported(@TempDir Path dir) {
        try (Database db = Database.open(TestStores.h2(dir))) {
            java.util.List<String> problems = db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ALTER TABLE appointments ADD COLUMN triage_note VARCHAR(100)");
                    s.execute("ALTER TABLE appointments ALTER COLUMN patient_ref SET DATA TYPE INT");
                }
                return CatalogueCheck.problems(c);
            });
            assertThat(problems).containsExactlyInAnyOrder(
                    "appointments.patient_ref: synced as TEXT, but the schema has INTEGER (JDBC 4)",
                    "appointments.triage_note: in the schema, but neither synced nor listed as local (decide in SyncTable)");
        }
    }
}
