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

    public Optional<String> get(String name) {
        return database.read(em -> Optional.ofNullable(em.find(Setting.class, name)).map(Setting::getValue));
    }

    public void put(String name, String value) {
        database.inTransactionDo(em -> {
            Setting existing = em.find(Setting.class, name);
            if (existing == null) em.persist(new Setting(name, value));
            else existing.setValue(value);
        });
    }

    public void remove(String name) {
        database.inTransactionDo(em -> {
            Setting existing = em.find(Setting.class, name);
            if (existing != null) em.remove(existing);
        });
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
