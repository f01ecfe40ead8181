package com.outcomedesk.backup;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.store.SettingsRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the schedule: called every minute (by the desktop app and by the server), it makes a backup once the day's time
 * has passed and none was made since, then deletes what the retention no longer keeps. Only files it names
 * ({@code scheduled-*.odbackup}) are ever deleted.
 */
public final class ScheduledBackups {
    private static final Logger LOG = LoggerFactory.getLogger(ScheduledBackups.class);
    /** Who scheduled backups, and what the timer does after each look, are recorded as. */
    public static final Actor SCHEDULE = new Actor("backup-schedule", Role.ADMINISTRATOR);
    static final String PREFIX = "scheduled-";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final StoreBackup backup;
    private final SettingsRepository settings;
    private final Clock clock;

    public ScheduledBackups(StoreBackup backup, SettingsRepository settings, Clock clock) {
        this.backup = backup;
        this.settings = settings;
        this.clock = clock;
    }

    /** Makes the day's backup when it is due; returns the file written, empty when none was due. */
    public Optional<Path> runIfDue() {
        Optional<BackupSchedule> schedule = BackupSchedule.read(settings);
        if (schedule.isEmpty()) return Optional.empty();
        BackupSchedule s = schedule.get();
        ZonedDateTime now = ZonedDateTime.now(clock);
        ZonedDateTime due = now.toLocalDate().atTime(s.at()).atZone(now.getZone());
        if (now.isBefore(due)) due = due.minusDays(1);
        ZonedDateTime lastDue = due;
        boolean madeSince = backup.last().filter(l -> !l.at().toInstant().isBefore(lastDue.toInstant())).isPresent();
        if (madeSince) return Optional.empty();
        try {
            Files.createDirectories(s.directory());
            Path file = s.directory().resolve(PREFIX + now.format(STAMP) + StoreBackup.EXTENSION);
            backup.backup(file, SCHEDULE, null, false, ProgressListener.NONE);
            prune(s);
            return Optional.of(file);
        } catch (IOException | RuntimeException e) {
            LOG.error("The scheduled backup into {} failed: {}", s.directory(), e.getMessage());
            return Optional.empty();
        }
    }

    private void prune(BackupSchedule s) throws IOException {
        List<Retention.Kept> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(s.directory())) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (!name.startsWith(PREFIX) || !name.endsWith(StoreBackup.EXTENSION)) continue;
                try {
                    java.time.LocalDateTime at = java.time.LocalDateTime.parse(
                            name.substring(PREFIX.length(), name.length() - StoreBackup.EXTENSION.length()), STAMP);
                    found.add(new Retention.Kept(name, at.atZone(clock.getZone()).toOffsetDateTime()));
                } catch (java.time.format.DateTimeParseException notOurs) {
                    // a file someone named like ours: never deleted
                }
            }
        }
        for (Retention.Kept old : Retention.toDelete(found, s.keepLast(), s.keepWeeks(), OffsetDateTime.now(clock))) {
            Files.deleteIfExists(s.directory().resolve(old.name()));
        }
    }
}
