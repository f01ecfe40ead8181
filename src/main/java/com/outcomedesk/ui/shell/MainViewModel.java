package com.outcomedesk.ui.shell;

import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.ui.appointments.StoreCounts;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;

/**
 * The main window's state and the File menu's work: import, export, backup and demo data, plus the
 * first-start welcome on an empty store. Screens listen to {@link #dataVersionProperty()} to reload.
 */
public final class MainViewModel {
    /** Demo data sizes offered; the first start suggests the second. */
    public static final List<Integer> DEMO_SIZES = List.of(1_000, 10_000, 100_000, 1_000_000);
    static final long DEMO_SEED = 7;

    private final Engine engine;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<Actor> actor = new SimpleObjectProperty<>();
    private final StringProperty storeName = new SimpleStringProperty();
    private final StringProperty storeSummary = new SimpleStringProperty("");
    private final StringProperty modelVersion = new SimpleStringProperty("");
    private final BooleanProperty welcomeVisible = new SimpleBooleanProperty(false);
    private final BooleanProperty accounts = new SimpleBooleanProperty(false);
    private boolean welcomeDismissed;
    private final ObjectProperty<Integer> demoSize = new SimpleObjectProperty<>(DEMO_SIZES.get(1));
    private final IntegerProperty dataVersion = new SimpleIntegerProperty();
    // What the status bar shows, held here so the labels' bindings stay attached.
    private final ObservableValue<String> storeText = storeName.map(name -> "Store: " + name);
    private final ObservableValue<String> modelText = modelVersion.map(v -> v.isEmpty() ? "" : "Model: " + v);
    private final ObservableValue<String> userText = actor.map(a -> "Signed in: " + a.name()).orElse("");
    private Runnable onQuit = () -> { };
    private final StoreCounts counts;
    private final BackupViewModel backups;

    public MainViewModel(Engine engine, Actor actor, Background background, Dialogs dialogs) {
        this.engine = engine;
        this.background = background;
        this.dialogs = dialogs;
        this.actor.set(actor);
        this.storeName.set(engine.database().location().displayName());
        // Not this::fail, which reads the counts again: a store that cannot be read would say so without end.
        this.counts = new StoreCounts(engine.appointments(), background,
                failure -> dialogs.error("Could not read the store", FailureSentences.describe(failure)));
        counts.totalsProperty().addListener((o, was, totals) -> showCounts(totals));
        this.backups = new BackupViewModel(engine, this.actor::get, background, dialogs, java.time.Clock.systemDefaultZone());
        backups.setCloseApp(() -> onQuit.run());
    }

    /** Reads the store's counts (for the status bar and the appointment list together); an empty store shows the welcome. */
    public void refreshCounts() {
        counts.refresh();
        refreshModel();
    }

    /** Shows the active model version in the status bar. */
    public void refreshModel() {
        background.load(p -> engine.models().active().map(m -> "version " + m.version() + " (" + m.algorithm() + ")").orElse(""),
                modelVersion::set, this::fail);
    }

    /** Reads which server this store syncs with (a settings read, so off the FX thread), then shows About. */
    public void about(java.util.function.Consumer<AboutViewModel> show) {
        background.load(p -> engine.sync().config().map(c -> c.displayName()),
                server -> show.accept(AboutViewModel.of(storeName.get(),
                        engine.database().vendor() == com.outcomedesk.store.Vendor.POSTGRESQL, server)), this::fail);
    }

    private void showCounts(AppointmentService.Totals c) {
        storeSummary.set(String.format("%,d appointments, %,d doctors", c.appointments(), c.doctors()));
        welcomeVisible.set(c.appointments() == 0 && !welcomeDismissed);
    }

    public void importFile() {
        dialogs.openFile("Import appointments").ifPresent(this::importFile);
    }

    public void importFile(Path file) {
        background.run("Importing " + file.getFileName(),
                p -> engine.importer().importFile(file, actor.get(), p),
                report -> {
                    changed();
                    dialogs.info("Import finished", describe(report));
                },
                this::fail);
    }

    public void exportFile() {
        dialogs.saveFile("Export appointments", "appointments.json").ifPresent(file ->
                background.run("Exporting to " + file.getFileName(),
                        p -> engine.exporter().export(file, FileFormat.forOutput(file), exportMode(), actor.get(), p),
                        r -> dialogs.info("Export finished", String.format("Wrote %,d%s appointments to %s.", r.records(),
                                exportMode() == ExportMode.DEIDENTIFIED ? " de-identified" : "", file)
                                + (r.replaced().isEmpty() ? "" : String.format(" %,d stored record(s) held a broken "
                                + "character (not valid Unicode), written as \uFFFD; the store is unchanged. Edit "
                                + "them to fix it: %s.", r.replaced().size(), String.join(", ", r.replaced())))),
                        this::fail));
    }

    /** Identifiable data leaves the store only through an administrator; clinicians export it de-identified. */
    private ExportMode exportMode() {
        return actor.get().isAdministrator() ? ExportMode.IDENTIFIABLE : ExportMode.DEIDENTIFIED;
    }

    /** File > Backup... */
    public void backup() {
        backups.backup();
    }

    /** File > Restore... */
    public void restore() {
        backups.restore();
    }

    /** Asks how many demo records to load, then loads them. */
    public void chooseAndLoadDemoData() {
        dialogs.choose("Load demo data", "Synthetic appointments to add to the store:", DEMO_SIZES, demoSize.get())
                .ifPresent(n -> {
                    demoSize.set(n);
                    loadDemoData();
                });
    }

    /** Generates {@link #demoSizeProperty()} synthetic records into a temporary file and imports them. */
    public void loadDemoData() {
        int records = demoSize.get();
        background.run(String.format("Loading %,d demo records", records), p -> {
            Path file = Files.createTempFile("outcome-desk-demo", ".json");
            try {
                DemoDataGenerator generator = new DemoDataGenerator(DEMO_SEED, DemoDataGenerator.defaultDoctorCount(records), 0.05);
                DemoDataWriter.write(generator, records, file, null, p);
                return engine.importer().importFile(file, actor.get(), p);
            } finally {
                Files.deleteIfExists(file);
            }
        }, report -> changed(), this::fail);
    }

    /** File > Quit: the app decides how to close (the desktop app stops the work, then the store). */
    public void quit() {
        onQuit.run();
    }

    public void setOnQuit(Runnable action) {
        onQuit = action;
    }

    public void dismissWelcome() {
        welcomeDismissed = true;
        welcomeVisible.set(false);
    }

    /** Something changed the store (here, or rows arriving from a sync): every screen reloads. */
    public void changed() {
        dataVersion.set(dataVersion.get() + 1);
        refreshCounts();
    }

    private void fail(Throwable failure) {
        if (failure instanceof CancelledException) dialogs.info("Cancelled", failure.getMessage()
                + " Records committed before cancelling are kept; running it again adds the rest.");
        else dialogs.error("Could not finish", FailureSentences.describe(failure));
        refreshCounts();
    }

    static String describe(ImportReport r) {
        StringBuilder s = new StringBuilder(String.format("Imported %,d appointments; %,d were already in the store.",
                r.imported(), r.skipped()));
        if (r.outcomesAdded() > 0) {
            s.append(String.format("%nFilled in the outcome of %,d stored appointments that had none.", r.outcomesAdded()));
        }
        if (r.conflictingTotal() > 0) {
            s.append(String.format("%n%,d records have the id of a stored appointment but different content; the stored "
                    + "ones were kept:", r.conflictingTotal()));
            r.conflicting().stream().limit(5).forEach(x -> s.append(String.format("%n  record %d differs in %s",
                    x.position(), String.join(", ", x.fields()))));
            if (r.conflictingTotal() > 5) s.append(String.format("%n  ... and %,d more.", r.conflictingTotal() - 5));
        }
        if (r.rejectedTotal() > 0) {
            s.append(String.format("%n%,d records were rejected:", r.rejectedTotal()));
            r.rejected().stream().limit(5).forEach(x -> s.append(String.format("%n  record %d: %s", x.position(), x.reason())));
            if (r.rejectedTotal() > 5) s.append(String.format("%n  ... and %,d more.", r.rejectedTotal() - 5));
        }
        r.warnings().stream().limit(5).forEach(w -> s.append(System.lineSeparator()).append(w));
        return s.toString();
    }

    public Engine engine() { return engine; }
    public Background background() { return background; }
    public Dialogs dialogs() { return dialogs; }
    public ObjectProperty<Actor> actorProperty() { return actor; }
    public StringProperty storeNameProperty() { return storeName; }
    public StringProperty storeSummaryProperty() { return storeSummary; }
    public StringProperty modelVersionProperty() { return modelVersion; }
    public BooleanProperty welcomeVisibleProperty() { return welcomeVisible; }
    /** True when the store has user accounts, so the status bar names the signed-in user. */
    public BooleanProperty accountsProperty() { return accounts; }
    public ObjectProperty<Integer> demoSizeProperty() { return demoSize; }
    /** "Store: " and the store's name. */
    public ObservableValue<String> storeTextProperty() { return storeText; }
    /** "Model: " and the active version, empty when predictions use the baseline. */
    public ObservableValue<String> modelTextProperty() { return modelText; }
    /** Who is signed in, empty without a user. */
    public ObservableValue<String> userTextProperty() { return userText; }

    /** A demo size as the welcome offers it, grouped in the user's locale. */
    public static String demoSizeText(Integer n) {
        return n == null ? "" : String.format("%,d", n);
    }

    /** Reads a demo size back from its text. */
    public static Integer demoSizeOf(String text) {
        return Integer.valueOf(text.replaceAll("[^0-9]", ""));
    }
    public ReadOnlyIntegerProperty dataVersionProperty() { return dataVersion; }
    public StoreCounts counts() { return counts; }
    public BackupViewModel backups() { return backups; }
}
