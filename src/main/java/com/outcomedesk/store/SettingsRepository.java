package com.outcomedesk.store;

import java.util.Optional;
import java.util.UUID;

/** Store-wide named settings, such as this site's identity. */
public final class SettingsRepository {
    public static final String SITE_ID = "site_id";
    private final Database database;

    public SettingsRepository(Database database) {
        this.database = database;
    }

    /** Over Jdbi, as put and remove: reading the site id at every start must not start Hibernate. */
    public Optional<String> get(String name) {
        return database.jdbi(h -> h.createQuery("SELECT setting_value FROM settings WHERE name = :name").bind("name", name)
                .mapTo(String.class).findOne());
    }

    public void put(String name, String value) {
        database.jdbcTransaction(c -> {
            put(c, name, value);
            return null;
        });
    }

    /**
     * Sets a value over a connection the caller holds, inside the caller's transaction (so that the change and its
     * audit entry commit together).
     */
    public static void put(java.sql.Connection connection, String name, String value) {
        try (org.jdbi.v3.core.Handle h = Database.jdbiOver(connection)) {
            int updated = h.createUpdate("UPDATE settings SET setting_value = :value WHERE name = :name")
                    .bind("value", value).bind("name", name).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO settings (name, setting_value) VALUES (:name, :value)")
                        .bind("name", name).bind("value", value).execute();
            }
        }
    }

    public void remove(String name) {
        database.jdbi(h -> h.createUpdate("DELETE FROM settings WHERE name = :name").bind("name", name).execute());
    }

    /** This store's site id, created on first use; it tags every row this site writes. */
    public synchronized String siteId() {
        return get(SITE_ID).orElseGet(() -> {
            String id = "site-" + UUID.randomUUID().toString().substring(0, 8);
            put(SITE_ID, id);
            return id;
        });
    }
}
