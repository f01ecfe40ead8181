package com.outcomedesk.ui.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.HeldBackground;
import com.outcomedesk.ui.ScriptedDialogs;
import java.nio.file.Path;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Predict pending in the app: the engine's batch prediction in the background, then the list shows each one. */
class PredictPendingTest {
    @TempDir Path dir;
    Engine engine;
    ScriptedDialogs dialogs = new ScriptedDialogs();
    HeldBackground background = new HeldBackground();
    AppointmentsViewModel list;

    @BeforeEach
    void open() throws Exception {
        engine = Engine.open(TestStores.h2(dir.resolve("store")));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        Path file = dir.resolve("pending.json");
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < 2_500; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"doctor_id\":\"dr_0")
                    .append(1 + i % 9).append("\",\"summary\":\"Follow-up for asthma, visit ").append(i).append(".\"}");
        }
        java.nio.file.Files.writeString(file, json.append("]"));
        engine.importer().importFile(file, Actor.localUser(), ProgressListener.NONE);
        list = new AppointmentsViewModel(engine.appointments(), engine.outcomes(), engine.predictions(), Actor::localUser,
                background, dialogs, new StoreCounts(engine.appointments(), background, f -> dialogs.error("counts", f.getMessage())));
        list.reload();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    @Test
    void predictsEveryAppointmentWithoutAnOutcomeInTheBackgroundThenTheListShowsThem() {
        assertThat(list.rowsProperty().get().get(0).row().predictionText()).isEmpty();
        list.predictPending();
        assertThat(background.titles).containsExactly("Predicting appointments without an outcome");
        assertThat(engine.predictions().stats().count()).as("nothing before the background work runs").isZero();
        background.release();
        assertThat(engine.predictions().stats().count()).isEqualTo(2_500);
        assertThat(dialogs.infos).singleElement().asString().startsWith("Saved predictions for 2,500 appointments");

        list.outcomeProperty().set(OutcomeFilter.UNKNOWN);
        list.reload();
        PagedRows rows = list.rowsProperty().get();
        assertThat(rows).hasSize(2_500);
        AppointmentRow row = rows.get(0).row();
        assertThat(row.predictionText()).matches("(better|worse): \\d+% worse, (low|medium|high) risk");
        list.outcomeProperty().set(OutcomeFilter.KNOWN);
        list.reload();
        assertThat(list.rowsProperty().get().get(0).row().prediction()).isNull();
    }

    @Test
    void nothingPendingSaysSo() {
        try (Engine reference = Engine.open(TestStores.h2(dir.resolve("reference")))) {
            reference.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            AppointmentsViewModel all = new AppointmentsViewModel(reference.appointments(), reference.outcomes(),
                    reference.predictions(), Actor::localUser, background, dialogs,
                    new StoreCounts(reference.appointments(), background, f -> { }));
            all.predictPending();
        }
        assertThat(background.titles).isEmpty();
        assertThat(dialogs.infos).singleElement().asString().contains("nothing to predict");
    }

    @Test
    void cancellingKeepsThePredictionsSavedSoFar() {
        assertThat(engine.appointments().count(AppointmentQuery.ALL.withOutcomeKnown(false))).isEqualTo(2_500);
        try {
            assertThatThrownBy(() -> engine.predictions().predictPending(Actor.localUser(),
                    (stage, done, total) -> Thread.currentThread().interrupt()))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("after 1000 appointments");
        } finally {
            Thread.interrupted();
        }
        assertThat(engine.predictions().stats().count()).isEqualTo(1_000);
    }
}
