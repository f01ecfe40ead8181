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
}
