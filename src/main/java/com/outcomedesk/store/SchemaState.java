package com.outcomedesk.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;

/**
 * Whether the store's schema is the one this program carries: the newest migration applied to the database beside
 * the newest migration in the jar ({@code null} when none). Pending migrations, or a database migrated by a newer
 * program, make it not current.
 */
public record SchemaState(String applied, String newest, int pending) {
    public boolean current() {
        return pending == 0 && newest != null && newest.equals(applied);
    }

    /** Reads Flyway's history table (one query); a store failure is classified like every other. */
    public static SchemaState of(Database database) {
        try {
            MigrationInfoService info = Flyway.configure().dataSource(database.dataSource()).locations(database.location().vendor().migrationLocations())
                    .placeholders(database.location().vendor().migrationPlaceholders()).load().info();
            MigrationInfo applied = info.current();
            String newest = null;
            for (MigrationInfo m : info.all()) {
                // only resolved migrations are carried: a version in the history that the jar lacks is a newer program's
                if (m.getVersion() == null || !m.getState().isResolved()) continue;
                if (newest == null || m.getVersion().isNewerThan(newest)) newest = m.getVersion().getVersion();
            }
            return new SchemaState(applied == null || applied.getVersion() == null ? null : applied.getVersion().getVersion(),
                    newest, info.pending().length);
        } catch (org.flywaydb.core.api.FlywayException e) {
            throw StoreFailures.classify(database.location(), e).orElseGet(() ->
                    new StoreException("The schema history cannot be read: " + Database.rootMessage(e), e));
        }
    }
}
