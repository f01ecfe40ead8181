package com.outcomedesk.settings;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.SettingsRepository;

/** How the desktop app shows things to everyone on this store; set by administrators. */
public final class DisplaySettings {
    static final String DATE_FORMAT = "display.date_format";

    private final SettingsRepository settings;
    private final AuditTrail audit;

    public DisplaySettings(SettingsRepository settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    /** The date format; the computer's own (locale) until an administrator chooses one. */
    public DateFormatChoice dateFormat() {
        return settings.get(DATE_FORMAT).map(DateFormatChoice::of).orElse(DateFormatChoice.LOCALE);
    }

    /** Sets the date format (administrators only). */
    public void setDateFormat(DateFormatChoice choice, Actor actor) {
        actor.requireAdministrator("change the date format");
        if (choice == null) throw new IllegalArgumentException("Choose a date format.");
        settings.put(DATE_FORMAT, choice.code());
        audit.record(actor, "setting-change", "setting", DATE_FORMAT, "value=" + choice.code());
    }
}
