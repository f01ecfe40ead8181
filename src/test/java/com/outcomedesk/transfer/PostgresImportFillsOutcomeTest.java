package com.outcomedesk.transfer;

import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import org.junit.jupiter.api.AfterEach;

/** {@link ImportFillsOutcomeTest} on PostgreSQL, in a schema of its own. */
@NeedsPostgres
class PostgresImportFillsOutcomeTest extends ImportFillsOutcomeTest {
    private final String schema = TestStores.createPostgresSchema();

    @Override
    StoreLocation location() {
        return TestStores.postgres(dir.resolve("home"), schema);
    }

    @AfterEach
    void dropSchema() {
        close();
        engine = null;
        TestStores.dropPostgresSchema(schema);
    }
}
