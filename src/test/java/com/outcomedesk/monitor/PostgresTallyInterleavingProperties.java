package com.outcomedesk.monitor;

import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;

/** {@link TallyInterleavingProperties} on PostgreSQL (its PL/pgSQL triggers), each try in a schema of its own. */
@NeedsPostgres
class PostgresTallyInterleavingProperties extends TallyInterleavingProperties {
    private String schema;

    @Override
    StoreLocation location(Path dir) {
        schema = TestStores.createPostgresSchema();
        return TestStores.postgres(dir.resolve("home"), schema);
    }

    @Override
    void dispose() {
        if (schema != null) TestStores.dropPostgresSchema(schema);
        schema = null;
    }
}
