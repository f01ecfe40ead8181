package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.store.Database;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync catalogue against the schema Flyway creates on PostgreSQL, the shared server's vendor. */
@NeedsPostgres
class SyncCataloguePostgresTest {

    @Test
    void catalogueMatchesThePostgresSchema(@TempDir Path home) {
        String schema = TestStores.createPostgresSchema();
        try (Database db = Database.open(TestStores.postgres(home, schema))) {
            java.util.List<String> problems = db.withConnection(CatalogueCheck::problems);
            assertThat(problems).isEmpty();
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
