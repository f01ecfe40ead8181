package com.outcomedesk.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainViewModelTest {
    @TempDir Path dir;
    Engine engine;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel model;

    @BeforeEach
    void open() {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        model = new MainViewModel(engine, Actor.localUser(), new DirectBackground(), dialogs);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void emptyStoreShowsWelcomeAndDemoDataHidesIt() {
        model.refreshCounts();
        assertThat(model.welcomeVisibleProperty().get()).isTrue();

        model.demoSizeProperty().set(1_000);
        int before = model.dataVersionProperty().get();
        model.loadDemoData();

        assertThat(dialogs.errors).isEmpty();
        assertThat(engine.appointments().counts().appointments()).isEqualTo(1_000);
        assertThat(model.welcomeVisibleProperty().get()).isFalse();
        assertThat(model.dataVersionProperty().get()).isGreaterThan(before);
        assertThat(model.storeSummaryProperty().get()).startsWith("1,000 appointments");
    }

    @Test
    void dismissedWelcomeStaysHidden() {
        model.dismissWelcome();
        model.refreshCounts();
        assertThat(model.welcomeVisibleProperty().get()).isFalse();
    }

    @Test
    void importReportsCountsAndABadFileGivesAClearErrorAndChangesNothing() throws Exception {
        model.importFile(TestStores.referenceSample());
        assertThat(dialogs.infos).singleElement().asString().contains("Imported 400 appointments");

        Path bad = Files.writeString(dir.resolve("notes.txt"), "just some notes\nno header here");
        model.importFile(bad);
        assertThat(dialogs.errors).singleElement().asString()
                .contains("Cannot import notes.txt").doesNotContain("Exception").doesNotContain("at com.");
        assertThat(engine.appointments().counts().appointments()).isEqualTo(400);
    }

    @Test
    void exportAndBackupWriteFiles() throws Exception {
        model.importFile(TestStores.referenceSample());
        Path export = dir.resolve("out.csv");
        Path backup = dir.resolve("backup.odbackup");
        dialogs.files.add(export);
        model.exportFile();
        dialogs.files.add(backup);
        dialogs.confirmAnswer = false; // no passphrase
        model.backup();

        assertThat(dialogs.errors).isEmpty();
        assertThat(Files.readAllLines(export).get(0)).startsWith("id,doctor_id,summary");
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            assertThat(zip.size()).isPositive();
        }
    }

    @Test
    void describesRejections() {
        var report = new com.outcomedesk.transfer.ImportReport(2, 1, 0,
                java.util.List.of(new com.outcomedesk.transfer.ImportReport.Conflict(4, java.util.List.of("summary", "future_outcome"))), 1,
                java.util.List.of(new com.outcomedesk.transfer.ImportReport.Rejection(3, "missing summary")), 1,
                java.util.List.of("Ignored unknown field 'x'"));
        assertThat(MainViewModel.describe(report)).contains("Imported 2", "1 were already", "record 3: missing summary",
                "1 records have the id of a stored appointment but different content",
                "record 4 differs in summary, future_outcome", "Ignored unknown field 'x'");
    }

    @Test
    void theStatusBarNamesTheStoreTheModelOnceThereIsOneAndTheSignedInUser() {
        assertThat(model.storeTextProperty().getValue()).isEqualTo("Store: " + engine.database().location().displayName());
        assertThat(model.modelTextProperty().getValue()).as("no active model").isEmpty();
        model.modelVersionProperty().set("version 2 (logistic)");
        assertThat(model.modelTextProperty().getValue()).isEqualTo("Model: version 2 (logistic)");
        assertThat(model.userTextProperty().getValue()).isEqualTo("Signed in: " + Actor.localUser().name());
        model.actorProperty().set(null);
        assertThat(model.userTextProperty().getValue()).isEmpty();
    }

    @Test
    void demoSizesAreOfferedGroupedAndReadBack() {
        for (Integer n : MainViewModel.DEMO_SIZES) assertThat(MainViewModel.demoSizeOf(MainViewModel.demoSizeText(n))).isEqualTo(n);
        assertThat(MainViewModel.demoSizeText(10_000)).isEqualTo(String.format("%,d", 10_000));
        assertThat(MainViewModel.demoSizeText(null)).isEmpty();
    }
}
