package com.outcomedesk.store;

import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The account and audit repository checks on PostgreSQL, each on a schema of its own: there the lockout
 * compare-and-set and the audit walk (which streams only inside a transaction) take other paths than on H2.
 */
@NeedsPostgres
class StoreRepositoriesPostgresTest {
    @TempDir Path home;
    private String schema;

    @BeforeEach
    void createSchema() {
        schema = TestStores.createPostgresSchema();
    }

    @AfterEach
    void dropSchema() {
        TestStores.dropPostgresSchema(schema);
    }

    @Test
    void theLockoutCounterMovesOnlyFromTheCountSeen() {
        try (Database db = Database.open(TestStores.postgres(home, schema))) {
            AccountRepositoryTest.lockoutCounter(new AccountRepository(db));
        }
    }

    @Test
    void accountsAreFoundListedAndCounted() {
        try (Database db = Database.open(TestStores.postgres(home, schema))) {
            AccountRepositoryTest.findAndCount(new AccountRepository(db));
        }
    }

    @Test
    void auditAppendsWalksAndCallersTransactions() throws Exception {
        try (Database db = Database.open(TestStores.postgres(home, schema))) {
            AuditRepositoryTest.appendAndWalk(new AuditRepository(db));
            AuditRepositoryTest.appendInCallersTransaction(db);
        }
    }

    /** A sync push through the server writes 8,000-row batches on this pool: they must go as multi-row INSERTs. */
    @Test
    void batchesOfInsertsGoAsMultiRowStatements() throws Exception {
        try (Database db = Database.open(TestStores.postgres(home, schema));
             java.sql.Connection c = db.dataSource().getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("INSERT INTO doctors (doctor_id, created_at) VALUES (?, ?)")) {
            for (String id : java.util.List.of("dr_a", "dr_b", "dr_c")) {
                ps.setString(1, id);
                ps.setObject(2, java.time.OffsetDateTime.now());
                ps.addBatch();
            }
            // pgjdbc answers SUCCESS_NO_INFO for rows it rewrote into one multi-row statement (in groups of a power of
            // two, here two and one), 1 for each row sent on its own.
            int[] counts = ps.executeBatch();
            org.junit.jupiter.api.Assertions.assertEquals(java.sql.Statement.SUCCESS_NO_INFO, counts[0]);
            org.junit.jupiter.api.Assertions.assertEquals(java.sql.Statement.SUCCESS_NO_INFO, counts[1]);
        }
    }
}
