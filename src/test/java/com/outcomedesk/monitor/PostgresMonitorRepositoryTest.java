package com.outcomedesk.monitor;

import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import org.junit.jupiter.api.AfterEach;

/** {@link MonitorRepositoryTest} on PostgreSQL, in a schema of its own. */
@NeedsPostgres
class PostgresMonitorRepositoryTest extends MonitorRepositoryTest {
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
