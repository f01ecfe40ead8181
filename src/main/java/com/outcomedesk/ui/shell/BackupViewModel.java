package com.outcomedesk.ui.shell;

import com.outcomedesk.backup.BackupKey;
import com.outcomedesk.backup.BackupManifest;
import com.outcomedesk.backup.BackupRestorer;
import com.outcomedesk.backup.BackupVerifier;
import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * File > Backup... and File > Restore...: the questions (file, passphrase, where to restore) and the work in the
 * background with progress and Cancel. A restore never touches the open store: it is written into a new directory
 * beside it; replacing the open store swaps the directories after the app has closed it, keeping the old one aside.
 */
public final class BackupViewModel {
    static final String REPLACE = "Replace the current store (it is kept aside, not deleted)";
    static final String BESIDE = "Restore into a new directory beside the current store";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    static final String NONE_YET = "No backup yet";

    private final Engine engine;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final Clock clock;
    private final StringProperty lastBackup = new SimpleStringProperty("");
    private Runnable closeApp = () -> { };
    private Runnable alertsChanged = () -> { };
    private Path pendingSwap;

    public BackupViewModel(Engine engine, Supplier<Actor> actor, Background background, Dialogs dialogs, Clock clock) {
        this.engine = engine;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.clock = clock;
        refreshLast();
    }

    /** Reads when the last good backup was made (here, by the schedule, or from the command line). */
    public void refreshLast() {
        background.load(p -> engine.backup().last(), last -> last.ifPresentOrElse(l -> showLast(l.at()),
                        () -> lastBackup.set(NONE_YET)),
                failure -> lastBackup.set("")); // the status bar then just does not show it; the store's failures show elsewhere
    }

    private void showLast(java.time.OffsetDateTime at) {
        lastBackup.set("Last backup: " + at.atZoneSameInstant(clock.getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
    }

    public void backup() {
        String stamp = LocalDateTime.now(clock).format(STAMP);
        Optional<Path> chosen = dialogs.saveFile("Back up the store", engine.backup().suggestedFileName(stamp));
        if (chosen.isEmpty()) return;
        char[] passphrase = null;
        if (!engine.backup().encryptedWithStore() && dialogs.confirm("Encrypt the backup?", "The store is not encrypted."
                + " Encrypt its backup with a passphrase? Without the passphrase nobody can restore it, you included.")) {
            Optional<char[]> typed = dialogs.secret("Passphrase for the backup", "Type a passphrase of at least 8 characters.");
            if (typed.isEmpty()) return;
            if (typed.get().length < 8) {
                dialogs.error("Passphrase too short", "A backup's passphrase needs at least 8 characters; nothing was written.");
                return;
            }
            passphrase = typed.get();
        }
        Path file = chosen.get();
        char[] key = passphrase;
        // The file chooser has asked before overwriting an existing file.
        background.run("Backing up to " + file.getFileName(),
                p -> {
                    BackupManifest m = engine.backup().backup(file, actor.get(), key, true, p);
                    engine.monitor().afterBackup(actor.get()); // may settle a "no-backup" alert
                    return m;
                },
                m -> {
                    showLast(m.createdAt());
                    alertsChanged.run();
                    dialogs.info("Backup finished", describe(m, file));
                },
                this::fail);
    }

    static String describe(BackupManifest m, Path file) {
        return String.format("Backed up %,d rows of %d tables to %s. %s", m.rows(), m.tables().size(), file,
                switch (m.encryption().scheme()) {
                    case BackupManifest.Encryption.STORE -> "It is encrypted like the store: it opens with a user's password.";
                    case BackupManifest.Encryption.PASSPHRASE -> "It is encrypted with the passphrase.";
                    default -> "It is not encrypted: keep it where only you can read it.";
                });
    }

    public void restore() {
        dialogs.openBackup("Restore from a backup").ifPresent(this::restoreFrom);
    }

    /**
     * The app was opened with a backup file (double-clicked, or named on the command line): File > Restore on it, once
     * the user agrees; the questions that follow are File > Restore's.
     */
    public void offerRestore(Path file) {
        if (!java.nio.file.Files.isRegularFile(file)) {
            dialogs.error("No such backup", "OutcomeDesk was opened with " + file + ", which is not a file that can be "
                    + "read. Choose the backup with File > Restore... instead.");
            return;
        }
        if (dialogs.confirm("Restore from this backup?", "OutcomeDesk was opened with the backup " + file + ". Restore "
                + "from it? The questions of File > Restore... follow; nothing is changed until you answer them.")) {
            restoreFrom(file);
        }
    }

    private void restoreFrom(Path file) {
        background.run("Reading " + file.getFileName(), p -> BackupVerifier.manifest(file),
                manifest -> askAndRestore(file, manifest), this::fail);
    }

    private void askAndRestore(Path file, BackupManifest m) {
        Optional<BackupKey.Unlock> unlock = unlock(m);
        if (unlock.isEmpty()) return;
        Path home = engine.database().location().home().toAbsolutePath();
        boolean embedded = engine.database().location().databaseFile().isPresent();
        String about = String.format("The backup was made %s by %s at site %s and holds %,d rows.",
                m.createdAt().atZoneSameInstant(clock.getZone()).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                m.createdBy(), m.siteId(), m.rows());
        Optional<String> where = embedded
                ? dialogs.choose("Restore", about + " Where should it go?", List.of(REPLACE, BESIDE), BESIDE)
                : Optional.of(BESIDE);
        if (where.isEmpty()) return;
        boolean replace = where.get().equals(REPLACE);
        Path target = BackupRestorer.freshSibling(home, "-restored-", clock);
        if (replace && !dialogs.confirm("Replace the current store?", "OutcomeDesk restores the backup beside the current "
                + "store, then closes. The current store is kept as " + home.getFileName() + ".replaced-TIME beside it and "
                + "the restored one takes its place; start OutcomeDesk again to use it.")) {
            return;
        }
        background.run("Restoring " + file.getFileName(),
                p -> new BackupRestorer(clock).restore(file, StoreLocation.of(target, null), unlock.get(), false, p),
                r -> {
                    if (replace) {
                        pendingSwap = target;
                        dialogs.info("Restore ready", String.format("Restored and checked %,d rows; the audit chain "
                                + "verifies. OutcomeDesk closes now to put the restored store in place.", total(r)));
                        closeApp.run();
                    } else {
                        dialogs.info("Restore finished", String.format("Restored and checked %,d rows into %s; the audit "
                                + "chain verifies. Start OutcomeDesk with --home %s to use it.", total(r), target, target));
                    }
                },
                this::fail);
    }

    private Optional<BackupKey.Unlock> unlock(BackupManifest m) {
        if (!m.encryption().sealed()) return Optional.of(BackupKey.Unlock.NONE);
        if (BackupManifest.Encryption.STORE.equals(m.encryption().scheme())) {
            String user = actor.get().name();
            return dialogs.secret("Password", "The backup is of an encrypted store. Type the password " + user
                    + " had when the backup was made.").map(pw -> BackupKey.Unlock.user(user, pw));
        }
        return dialogs.secret("Passphrase", "Type the backup's passphrase.").map(BackupKey.Unlock::passphrase);
    }

    private static long total(BackupRestorer.Result r) {
        return r.rows().values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * After the app closed its store: puts a restored store in place of the one it replaces (kept aside). Returns where
     * the replaced store went, empty when no replacement was asked for.
     */
    public Optional<Path> afterStoreClosed() throws IOException {
        if (pendingSwap == null) return Optional.empty();
        Path restored = pendingSwap;
        pendingSwap = null;
        return new BackupRestorer(clock).swapIn(restored, engine.database().location().home().toAbsolutePath());
    }

    private void fail(Throwable failure) {
        if (failure instanceof CancelledException) {
            dialogs.info("Cancelled", failure.getMessage() + " Nothing was written: a cancelled backup or restore leaves"
                    + " no file and no store behind.");
        } else {
            dialogs.error("Could not finish", FailureSentences.describe(failure));
        }
    }

    public void setCloseApp(Runnable action) {
        closeApp = action;
    }

    /** Told after a backup, which may have settled an alert, so the status bar counts the open ones again. */
    public void setAlertsChanged(Runnable action) {
        alertsChanged = action;
    }

    /** "Last backup: ..." (or that none was made yet), for the status bar; empty when the store cannot say. */
    public ReadOnlyStringProperty lastBackupProperty() {
        return lastBackup;
    }
}
