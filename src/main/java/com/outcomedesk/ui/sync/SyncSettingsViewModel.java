package com.outcomedesk.ui.sync;

import com.outcomedesk.security.Actor;
import com.outcomedesk.sync.ServerConfig;
import com.outcomedesk.sync.SyncService;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The sync settings dialog: server URL, user and password, saved by an administrator. */
public final class SyncSettingsViewModel {
    private final SyncService sync;
    private final Actor actor;
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");

    public SyncSettingsViewModel(SyncService sync, Actor actor) {
        this.sync = sync;
        this.actor = actor;
        sync.config().ifPresent(c -> {
            url.set(c.url());
            user.set(c.user() == null ? "" : c.user());
            password.set(c.password() == null ? "" : c.password());
        });
    }

    public boolean editable() {
        return actor.isAdministrator();
    }

    /** Saves; on bad input shows what to fix and returns false, keeping what was typed. */
    public boolean save() {
        try {
            sync.configure(url.get(), user.get().isBlank() ? null : user.get().strip(), password.get(), actor);
            error.set("");
            return true;
        } catch (RuntimeException e) {
            error.set(e.getMessage());
            return false;
        }
    }

    public String currentServer() {
        return sync.config().map(ServerConfig::displayName).orElse("none (local only)");
    }

    public StringProperty urlProperty() { return url; }
    public StringProperty userProperty() { return user; }
    public StringProperty passwordProperty() { return password; }
    public ReadOnlyStringProperty errorProperty() { return error; }
}
