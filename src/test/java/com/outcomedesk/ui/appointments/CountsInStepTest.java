package com.outcomedesk.ui.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.HeldBackground;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.shell.MainViewModel;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list, its count and the status bar read the same totals and refresh together, however the store changed. */
class CountsInStepTest {
    @TempDir Path dir;
    Engine engine;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    MainViewModel main;
    AppointmentsViewModel list;

    void open(Background background) {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        main = new MainViewModel(engine, Actor.localUser(), background, dialogs);
        list = new AppointmentsViewModel(engine.appointments(), engine.outcomes(), engine.predictions(), Actor::localUser, background, dialogs,
                main.counts());
        list.reload();
        main.refreshCounts();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    /** What the store holds, and that the status bar, the list and its count all say that. */
    long assertInStep() {
        long stored = engine.appointments().count(AppointmentQuery.ALL);
        assertThat(main.storeSummaryProperty().get()).startsWith(String.format("%,d appointments", stored));
        assertThat(list.countTextProperty().get()).isEqualTo(String.format("%,d appointments", stored));
        assertThat(list.rowsProperty().get()).hasSize((int) stored);
        return stored;
    }

    /** Runs long work at once and cancels it at its first progress after rows were committed, as Cancel does. */
    static final class CancelAtFirstBatch implements Background {
        private final DirectBackground direct = new DirectBackground();

        @Override
        public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            direct.load(p -> job.call((stage, done, total) -> {
                if (stage.equals("Importing")) throw new CancelledException(title + " cancelled.");
            }), onSuccess, onFailure);
        }

        @Override
        public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
            direct.load(job, onSuccess, onFailure);
        }

        @Override
        public ReadOnlyBooleanProperty busyProperty() {
            return direct.busyProperty();
        }
    }

    @Test
    void aCancelledImportLeavesWhatItCommittedInTheListAndTheStatusBarAlike() throws Exception {
        open(new CancelAtFirstBatch());
        assertThat(assertInStep()).isZero();
        Path demo = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(3, 20, 0.05), 5_000, demo, null, ProgressListener.NONE);
        main.importFile(demo);
        assertThat(dialogs.infos).singleElement().asString().contains("cancelled");
        assertThat(assertInStep()).as("the first batch was committed before the cancel").isEqualTo(2_000);
    }

    @Test
    void rowsArrivingFromASyncShowEverywhereOnceTheSyncSaysSo() {
        open(new DirectBackground());
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        main.changed(); // what the sync panel does when a sync brought rows in
        assertThat(assertInStep()).isEqualTo(400);

        // Filtered, the list counts its own rows; cleared, it shows the totals the status bar shows.
        list.doctorProperty().set("dr_01");
        list.reload();
        long mine = list.rowsProperty().get().size();
        assertThat(mine).isBetween(1L, 399L);
        engine.appointments().create(new com.outcomedesk.appointments.AppointmentInput("dr_01",
                "Arrived from another site by sync.", null, null, null), Actor.localUser());
        main.changed();
        assertThat(list.rowsProperty().get()).hasSize((int) mine + 1);
        list.clearFilters();
        list.reload();
        assertThat(assertInStep()).isEqualTo(401);
    }

    @Test
    void aSavedAppointmentReachesTheListAndTheStatusBarTogether() {
        HeldBackground held = new HeldBackground();
        open(held);
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        main.changed();
        assertInStep();
        AppointmentFormViewModel form = list.newAppointment();
        form.doctorProperty().set("dr_new");
        form.summaryProperty().set("Patient presents with a mild cough for two days.");
        form.save(row -> list.saved());
        assertThat(held.titles).containsExactly("Saving the appointment");
        assertThat(assertInStep()).as("nothing moves while the save is still running").isEqualTo(400);
        held.release();
        assertThat(assertInStep()).isEqualTo(401);
    }
}
