package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The store's name as people read it: never a JDBC URL, never a password. */
class StoreLocationTest {

    @Test
    void theEmbeddedStoreIsNamedByItsFolderWithTheHomeFolderAsTilde() {
        Path home = Path.of(System.getProperty("user.home"));
        StoreLocation inHome = StoreLocation.of(home.resolve(".outcome-desk"), null);
        assertThat(inHome.displayName()).isEqualTo("~/.outcome-desk");
        assertThat(inHome.description()).isEqualTo("the store in ~/.outcome-desk");
        StoreLocation elsewhere = StoreLocation.of(Path.of("/srv/clinic"), null);
        assertThat(elsewhere.description()).isEqualTo("the store in /srv/clinic");
        assertThat(elsewhere.jdbcUrl()).startsWith("jdbc:h2:file:");
    }

    @Test
    void aServerIsNamedByHostAndDatabaseWithoutItsUserPasswordOrOptions() {
        StoreLocation server = StoreLocation.of(null,
                "jdbc:postgresql://db.clinic.local:5432/outcomedesk?user=desk&password=secret&sslmode=verify-full");
        assertThat(server.displayName()).isEqualTo("PostgreSQL server db.clinic.local / database outcomedesk");
        assertThat(server.description()).isEqualTo("the PostgreSQL server db.clinic.local / database outcomedesk");
        assertThat(StoreLocation.of(null, "jdbc:postgresql://desk:secret@db:6543/od").displayName())
                .isEqualTo("PostgreSQL server db:6543 / database od");
        assertThat(StoreLocation.of(null, "jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1").displayName())
                .isEqualTo("in-memory store scratch");
    }
}
