package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.Vendor;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import org.junit.jupiter.api.Test;

/**
 * Every appointment route test again on a PostgreSQL store (a schema of its own): the queries behind paging,
 * filters, sorting and row versions are the store's, and PostgreSQL orders, compares and stores text its own way.
 */
@NeedsPostgres
class PostgresAppointmentRoutesTest extends AppointmentRoutesTest {
    private String schema;

    @Override
    StoreLocation store() {
        schema = TestStores.createPostgresSchema();
        return TestStores.postgres(dir, schema);
    }

    @Test
    void theServerWorksOnPostgres() {
        assertThat(engine.database().location().vendor()).isEqualTo(Vendor.POSTGRESQL);
    }

    @Override
    void dropStore() {
        if (schema != null) TestStores.dropPostgresSchema(schema);
    }
}
