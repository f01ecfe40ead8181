package com.outcomedesk.backup;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.SettingsRepository;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Scheduled backups, a store setting: every day at a time, into a directory, keeping the newest {@code keepLast}
 * backups and the newest one of each of the last {@code keepWeeks} weeks. The desktop and the server run it.
 */
public record BackupSchedule(LocalTime at, Path directory, int keepLast, int keepWeeks) {
    static final String AT = "backup.schedule.at";
    static final String DIRECTORY = "backup.schedule.directory";
    static final String KEEP_LAST = "backup.schedule.keep-last";
    static final String KEEP_WEEKS = "backup.schedule.keep-weeks";

    public BackupSchedule {
        if (keepLast < 1 || keepLast > 365) throw new IllegalArgumentException("keep-last must be between 1 and 365");
        if (keepWeeks < 0 || keepWeeks > 520) throw new IllegalArgumentException("keep-weeks must be between 0 and 520");
        if (directory == null || !directory.isAbsolute()) throw new IllegalArgumentException("the backup directory must be an absolute path");
    }

    public static Optional<BackupSchedule> read(SettingsRepository settings) {
        Optional<String> at = settings.get(AT);
        if (at.isEmpty()) return Optional.empty();
        try {
            return Optional.of(new BackupSchedule(LocalTime.parse(at.get()), Path.of(settings.get(DIRECTORY).orElseThrow()),
                    Integer.parseInt(settings.get(KEEP_LAST).orElse("7")), Integer.parseInt(settings.get(KEEP_WEEKS).orElse("4"))));
        } catch (DateTimeParseException | IllegalArgumentException | java.util.NoSuchElementException e) {
            return Optional.empty();
        }
    }

    /** Saves the schedule (administrators; audited). */
    public void save(SettingsRepository settings, AuditTrail audit, Actor actor) {
        actor.requireAdministrator("schedule backups");
        settings.put(AT, at.toString());
        settings.put(DIRECTORY, directory.toString());
        settings.put(KEEP_LAST, Integer.toString(keepLast));
        settings.put(KEEP_WEEKS, Integer.toString(keepWeeks));
        audit.record(actor, "backup-schedule", "settings", null, "at=" + at + " keepLast=" + keepLast + " keepWeeks=" + keepWeeks);
    }

    public static void remove(SettingsRepository settings, AuditTrail audit, Actor actor) {
        actor.requireAdministrator("stop scheduled backups");
        for (String name : new String[] {AT, DIRECTORY, KEEP_LAST, KEEP_WEEKS}) settings.remove(name);
        audit.record(actor, "backup-schedule", "settings", null, "off");
    }
}
