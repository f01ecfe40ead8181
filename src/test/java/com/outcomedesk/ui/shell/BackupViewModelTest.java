package com.outcomedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.backup.BackupManifest;
import com.outcomedesk.backup.BackupVerifier;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupViewModelTest {
    @TempDir Path dir;
    Engine engine;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    BackupViewModel model;
    int closed;

    @BeforeEach
    void open() {
        engine = Engine.open(TestStores.h2(dir.resolve("home")));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        model = new BackupViewModel(engine, Actor::localUser, new DirectBackground(), dialogs, Clock.systemDefaultZone());
        model.setCloseApp(() -> closed++);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void aBackupAsksForAnOptionalPassphraseAndShowsWhenItWasMade() {
        assertThat(model.lastBackupProperty().get()).as("the status bar says so before the first").isEqualTo("No backup yet");
        assertThat(engine.monitor().checkBackups(Actor.localUser())).as("overdue: raised").isTrue();
        int[] recounted = {0};
        model.setAlertsChanged(() -> recounted[0]++);
        Path file = dir.resolve("a.odbackup");
        dialogs.files.add(file);
        dialogs.secrets.add("a long passphrase");
        model.backup();
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().contains("Backed up").contains("encrypted with the passphrase");
        assertThat(BackupVerifier.manifest(file).encryption().scheme()).isEqualTo(BackupManifest.Encryption.PASSPHRASE);
        assertThat(model.lastBackupProperty().get()).startsWith("Last backup: ");
        assertThat(engine.monitor().openAlerts()).as("the backup settled the alert").isZero();
        assertThat(recounted[0]).as("the status bar counts the alerts again").isEqualTo(1);
        // a new window on the same store shows it too
        assertThat(new BackupViewModel(engine, Actor::localUser, new DirectBackground(), dialogs, Clock.systemDefaultZone())
                .lastBackupProperty().get()).startsWith("Last backup: ");

        dialogs.files.add(dir.resolve("b.odbackup"));
        dialogs.secrets.add("short");
        model.backup();
        assertThat(dialogs.errors).singleElement().asString().contains("at least 8 characters");
        assertThat(dir.resolve("b.odbackup")).doesNotExist();
    }

    @Test
    void aRestoreGoesBesideTheStoreOrReplacesItAfterTheAppClosedIt() throws Exception {
        Path file = dir.resolve("a.odbackup");
        dialogs.files.add(file);
        dialogs.confirmAnswer = false;
        model.backup();

        dialogs.files.add(file);
        model.restore(); // the scripted choice is the preselected one: beside the store
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos.get(dialogs.infos.size() - 1)).contains("Restored and checked").contains("--home");
        assertThat(restoredDirs()).hasSize(1);
        assertThat(closed).isZero();

        dialogs.files.add(file);
        dialogs.choices.add(0);
        dialogs.confirmAnswer = true; // replace the open store
        BackupViewModel replacing = new BackupViewModel(engine, Actor::localUser, new DirectBackground(), dialogs,
                Clock.systemDefaultZone());
        replacing.setCloseApp(() -> closed++);
        replacing.restore();
        assertThat(dialogs.errors).as("a second restore in the same second").isEmpty();
        assertThat(closed).isEqualTo(1);
        engine.close();
        Optional<Path> kept = replacing.afterStoreClosed();
        assertThat(kept).isPresent();
        assertThat(kept.get().getFileName().toString()).startsWith("home.replaced-");
        engine = Engine.open(TestStores.h2(dir.resolve("home")));
        assertThat(engine.appointments().counts().appointments()).isEqualTo(400);
        assertThat(engine.auditLog().verify(Actor.localUser()).intact()).isTrue();
    }

    @Test
    void aBackupTheAppWasOpenedWithIsOfferedForRestoreWithoutAskingForTheFile() throws Exception {
        Path file = dir.resolve("opened.odbackup");
        dialogs.files.add(file);
        dialogs.confirmAnswer = false;
        model.backup();

        model.offerRestore(file); // declined
        assertThat(dialogs.confirmations.get(dialogs.confirmations.size() - 1)).contains("opened with the backup " + file);
        assertThat(restoredDirs()).isEmpty();

        dialogs.confirmAnswer = true;
        model.offerRestore(file); // the file chooser is not shown: nothing is queued for it
        assertThat(dialogs.errors).isEmpty();
        assertThat(dialogs.infos.get(dialogs.infos.size() - 1)).contains("Restored and checked");
        assertThat(restoredDirs()).hasSize(1);

        model.offerRestore(dir.resolve("gone.odbackup"));
        assertThat(dialogs.errors).singleElement().asString().contains("gone.odbackup").contains("File > Restore");
    }

    @Test
    void aCancelledBackupLeavesNoFileAndSaysSo() {
        Background cancelling = new Background() {
            @Override
            public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                try {
                    onSuccess.accept(job.call((stage, done, total) -> {
                        if (done > 0) throw new CancelledException(title + " cancelled.");
                    }));
                } catch (Exception e) {
                    onFailure.accept(e);
                }
            }

            @Override
            public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            }

            @Override
            public ReadOnlyBooleanProperty busyProperty() {
                return new SimpleBooleanProperty(false);
            }
        };
        BackupViewModel vm = new BackupViewModel(engine, Actor::localUser, cancelling, dialogs, Clock.systemDefaultZone());
        Path file = dir.resolve("c.odbackup");
        dialogs.files.add(file);
        dialogs.confirmAnswer = false;
        vm.backup();
        assertThat(dialogs.infos).singleElement().asString().contains("cancelled").contains("Nothing was written");
        assertThat(file).doesNotExist();
        assertThat(dir.toFile().list()).noneMatch(n -> n.contains(".partial"));
    }

    private List<Path> restoredDirs() throws Exception {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith("home-restored-")).toList();
        }
    }
}
