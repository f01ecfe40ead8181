package com.outcomedesk.ui.prediction;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.security.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.transfer.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.appointments.AppointmentRow;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionViewModelTest {
    @TempDir Path dir;

    @Test
    void predictsFromAChosenAppointmentAndSavesLinkedToIt() {
        try (Engine engine = Engine.open(TestStores.h2(dir))) {
            engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
            ScriptedDialogs dialogs = new ScriptedDialogs();
            PredictionViewModel model = new PredictionViewModel(engine.predictions(), engine.models(), Actor::localUser,
                    new DirectBackground(), dialogs);

            model.predict();
            assertThat(model.resultProperty().get()).isNull();
            assertThat(model.messageProperty().get()).contains("Enter the doctor");

            AppointmentRow row = AppointmentRow.of(engine.appointments().page(
                    com.outcomedesk.appointments.AppointmentQuery.ALL, 0, 1).get(0));
            model.use(row);
            model.predict();
            assertThat(dialogs.errors).isEmpty();
            var result = model.resultProperty().get();
            assertThat(result.probability()).isBetween(0.0, 1.0);
            assertThat(result.categoryProbabilities()).hasSize(5);
            // No model trained yet: the baseline answers, and the screen says so rather than quoting metrics.
            assertThat(model.modelTextProperty().get()).contains("baseline");

            model.save();
            assertThat(model.savedProperty().get()).isTrue();
            assertThat(model.messageProperty().get()).contains("saved with its appointment");
            assertThat(engine.predictions().stats().count()).isEqualTo(1);

            model.summaryProperty().set(model.summaryProperty().get() + " More.");
            assertThat(model.resultProperty().get()).isNull();
        }
    }

    @Test
    void highlightsTheWordsOfDrivingTerms() {
        var spans = PredictionViewModel.highlight("Severe chest pain, no fever.",
                List.of(new Contribution("chest pain", 0.8), new Contribution("entity symptom:fever:negated", -0.4),
                        new Contribution("doctor dr_01", 2.0)));
        assertThat(spans).extracting(PredictionViewModel.Span::text)
                .containsExactly("Severe", " ", "chest", " ", "pain", ", ", "no", " ", "fever", ".");
        assertThat(spans.get(2).weight()).isEqualTo(0.8);
        assertThat(spans.get(4).weight()).isEqualTo(0.8);
        assertThat(spans.get(8).weight()).isEqualTo(-0.4);
        assertThat(spans.get(0).weight()).isZero();
    }
}
