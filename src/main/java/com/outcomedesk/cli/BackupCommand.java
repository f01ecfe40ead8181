package com.outcomedesk.cli;

import com.outcomedesk.backup.BackupKey;
import com.outcomedesk.backup.BackupManifest;
import com.outcomedesk.backup.BackupVerifier;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "backup", description = "Back up the whole store (every table, the keyring and the store's keys) into"
        + " one .odbackup file; 'backup verify FILE' proves a backup restores.", subcommands = {BackupCommand.Verify.class, BackupCommand.Schedule.class})
final class BackupCommand implements Callable<Integer> {
    static final String PASSPHRASE_ENV = "OUTCOMEDESK_BACKUP_PASSPHRASE";

    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the backup (default: outcome-desk-TIME.odbackup in the current directory).")
    Path out;

    @Option(names = "--encrypt", description = "Encrypt the backup of an unencrypted store with a passphrase, from $"
            + PASSPHRASE_ENV + " or asked twice. (A backup of an encrypted store is always encrypted with it.)")
    boolean encrypt;

    @Override
    public Integer call() {
        Path file = out != null ? out : Path.of("outcome-desk-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".odbackup");
        try (Engine engine = root.openEngine()) {
            char[] passphrase = encrypt ? Passwords.chosen(root.environment, PASSPHRASE_ENV, "the backup") : null;
            BackupManifest m = engine.backup().backup(file, root.actor(), passphrase, false, ProgressListener.NONE);
            engine.monitor().afterBackup(root.actor()); // may settle a "no-backup" alert
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toAbsolutePath().toString());
            result.put("rows", m.rows());
            result.put("tables", tableRows(m));
            result.put("encryption", m.encryption().scheme());
            result.put("schemaVersion", m.schemaVersion());
            result.put("appVersion", m.appVersion());
            result.put("site", m.siteId());
            json.print(spec.commandLine().getOut(), result, String.format("Backed up %,d rows of %d tables to %s (%s).",
                    m.rows(), m.tables().size(), file.toAbsolutePath(), switch (m.encryption().scheme()) {
                        case BackupManifest.Encryption.STORE -> "encrypted with the store's key: it opens with a user's password";
                        case BackupManifest.Encryption.PASSPHRASE -> "encrypted with the passphrase";
                        default -> "not encrypted: keep it where only you can read it, or use --encrypt";
                    }));
            return 0;
        }
    }

    static Map<String, Long> tableRows(BackupManifest m) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (BackupManifest.Part p : m.tables()) rows.put(p.table(), p.rows());
        return rows;
    }

    /** The key a sealed backup needs: --user's password, else a passphrase from the environment or the terminal. */
    static BackupKey.Unlock unlock(OutcomeDeskCli root, BackupManifest.Encryption encryption) {
        if (!encryption.sealed()) return BackupKey.Unlock.NONE;
        if (BackupManifest.Encryption.STORE.equals(encryption.scheme())) {
            if (root.user == null) {
                throw new IllegalArgumentException("The backup is of an encrypted store: give --user NAME of one of its "
                        + "users (the password comes from $" + Passwords.PASSWORD_ENV + " or a prompt).");
            }
            return BackupKey.Unlock.user(root.user, Passwords.current(root.environment, root.user));
        }
        String value = root.environment.get(PASSPHRASE_ENV);
        if (value != null && !value.isEmpty()) return BackupKey.Unlock.passphrase(value.toCharArray());
        java.io.Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("The backup is encrypted with a passphrase: set " + PASSPHRASE_ENV
                    + " or run in a terminal to be asked.");
        }
        return BackupKey.Unlock.passphrase(console.readPassword("Passphrase of the backup: "));
    }

    @Command(name = "verify", description = "Check a backup's manifest and every checksum, then restore it into a"
            + " temporary directory and compare its row counts and audit chain; the live store is not touched.")
    static final class Verify implements Callable<Integer> {
        @ParentCommand BackupCommand backup;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Parameters(paramLabel = "FILE", description = "The backup to check.")
        Path file;

        @Override
        public Integer call() {
            BackupKey.Unlock unlock = unlock(backup.root, BackupVerifier.manifest(file).encryption());
            BackupVerifier.Report r = new BackupVerifier(Clock.systemUTC()).verify(file, unlock, ProgressListener.NONE);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("file", file.toAbsolutePath().toString());
            result.put("sound", r.sound());
            result.put("createdAt", r.manifest().createdAt().toString());
            result.put("createdBy", r.manifest().createdBy());
            result.put("site", r.manifest().siteId());
            result.put("appVersion", r.manifest().appVersion());
            result.put("schemaVersion", r.manifest().schemaVersion());
            result.put("damaged", r.damaged());
            if (r.restored() != null) {
                result.put("tables", r.restored().rows());
                result.put("auditEntriesChecked", r.restored().audit().checked());
            }
            StringBuilder human = new StringBuilder();
            if (r.sound()) {
                human.append(String.format("The backup is sound: every part matches its checksum, and restored into a "
                        + "temporary directory its %d tables hold the manifest's %,d rows and its audit chain (%,d entries)"
                        + " verifies.%nMade %s by %s at site %s (OutcomeDesk %s, schema %s).", r.manifest().tables().size(),
                        r.manifest().rows(), r.restored().audit().checked(), r.manifest().createdAt(),
                        r.manifest().createdBy(), r.manifest().siteId(), r.manifest().appVersion(),
                        r.manifest().schemaVersion()));
            } else {
                human.append("The backup is damaged; do not rely on it:");
                for (BackupVerifier.Damaged d : r.damaged()) {
                    human.append(System.lineSeparator()).append("  ").append(d.part()).append(": ").append(d.reason());
                }
            }
            json.print(spec.commandLine().getOut(), result, human.toString());
            return r.sound() ? 0 : 1;
        }
    }

    @Command(name = "schedule", description = "Back up every day at a time into a directory, keeping the newest --keep and"
            + " one a week for --weeks weeks (administrators); the desktop app and the server run it. Without options, show it.")
    static final class Schedule implements Callable<Integer> {
        @ParentCommand BackupCommand backup;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Option(names = "--at", paramLabel = "HH:MM", description = "Time of day (local).")
        java.time.LocalTime at;
        @Option(names = "--dir", paramLabel = "DIR", description = "Directory for the scheduled backups.")
        Path dir;
        @Option(names = "--keep", defaultValue = "7", description = "Newest backups kept (default ${DEFAULT-VALUE}).")
        int keep;
        @Option(names = "--weeks", defaultValue = "4", description = "Weeks with one backup kept each (default ${DEFAULT-VALUE}).")
        int weeks;
        @Option(names = "--off", description = "Stop scheduled backups.")
        boolean off;

        @Override
        public Integer call() {
            try (Engine engine = backup.root.openEngine()) {
                if (off) {
                    com.outcomedesk.backup.BackupSchedule.remove(engine.settings(), engine.audit(), backup.root.actor());
                } else if (at != null || dir != null) {
                    if (at == null || dir == null) throw new IllegalArgumentException("Give both --at HH:MM and --dir DIR.");
                    new com.outcomedesk.backup.BackupSchedule(at, dir.toAbsolutePath(), keep, weeks)
                            .save(engine.settings(), engine.audit(), backup.root.actor());
                }
                var s = com.outcomedesk.backup.BackupSchedule.read(engine.settings());
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("scheduled", s.isPresent());
                s.ifPresent(x -> {
                    result.put("at", x.at().toString());
                    result.put("directory", x.directory().toString());
                    result.put("keepLast", x.keepLast());
                    result.put("keepWeeks", x.keepWeeks());
                });
                json.print(spec.commandLine().getOut(), result, s.map(x -> String.format("Backups every day at %s into %s,"
                        + " keeping the newest %d and one a week for %d weeks (run by the desktop app and the server while "
                        + "they run).", x.at(), x.directory(), x.keepLast(), x.keepWeeks()))
                        .orElse("No scheduled backups."));
                return 0;
            }
        }
    }
}
