package com.outcomedesk.ui.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.appointments.AppointmentSort;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.ScriptedDialogs;
import com.outcomedesk.ui.support.DirectBackground;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each test on a store of its own with the reference sample: some create, update and record outcomes. */
class AppointmentsViewModelTest {
    @TempDir Path dir;
    Engine engine;
    ScriptedDialogs dialogs;
    AppointmentsViewModel model;

    @AfterEach
    void close() {
        engine.close();
    }

    @BeforeEach
    void model() {
        engine = Engine.open(TestStores.h2(dir));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        dialogs = new ScriptedDialogs();
        DirectBackground background = new DirectBackground();
        model = new AppointmentsViewModel(engine.appointments(), engine.outcomes(), engine.predictions(), Actor::localUser,
                background, dialogs, new StoreCounts(engine.appointments(), background, f -> dialogs.error("counts", f.getMessage())));
    }

    @Test
    void theDetailPaneFollowsTheSelection() {
        assertThat(model.detailTitleProperty().getValue()).isEqualTo("Select an appointment to read it in full.");
        assertThat(model.detailTextProperty().getValue()).isEmpty();
        model.selectedProperty().set(new AppointmentRow(null, 1, "D3", null, "P9", "Follow-up.", null, null, null));
        assertThat(model.detailTitleProperty().getValue()).isEqualTo("D3, patient P9, outcome not yet known");
        assertThat(model.detailTextProperty().getValue()).isEqualTo("Follow-up.");
    }

    @Test
    void pagesRowsLazilyAndFilters() {
        model.reload();
        PagedRows rows = model.rowsProperty().get();
        long total = engine.appointments().count(model.query());
        assertThat(rows).hasSize((int) total);
        assertThat(rows.get(0).row()).isNotNull();
        assertThat(rows.get(rows.size() - 1).row()).isNotNull();
        assertThat(model.countTextProperty().get()).isEqualTo(String.format("%,d appointments", total));

        String doctor = rows.get(rows.size() - 1).row().doctorId();
        model.doctorProperty().set(doctor);
        model.reload();
        PagedRows mine = model.rowsProperty().get();
        assertThat(mine.size()).isBetween(1, rows.size() - 1);
        for (int i = 0; i < mine.size(); i++) assertThat(mine.get(i).row().doctorId()).isEqualTo(doctor);

        model.clearFilters();
        model.categoryProperty().set(OutcomeCategory.CRITICAL);
        model.reload();
        PagedRows critical = model.rowsProperty().get();
        assertThat(critical.size()).isPositive();
        assertThat(critical.get(0).row().category()).isEqualTo(OutcomeCategory.CRITICAL);

        model.clearFilters();
        model.searchProperty().set("zzzz-no-such-words");
        model.reload();
        assertThat(model.rowsProperty().get()).isEmpty();
        assertThat(model.doctorSuggestions(doctor)).contains(doctor);
    }

    @Test
    void invalidFormShowsProblemsAtFieldsThenAValidOneSaves() {
        AppointmentFormViewModel form = model.newAppointment();
        AtomicReference<AppointmentRow> saved = new AtomicReference<>();
        var doctorShown = form.shownProblem(AppointmentInput.DOCTOR);
        var summaryShown = form.shownProblem(AppointmentInput.SUMMARY);
        var saveSummary = form.saveSummary();
        assertThat(doctorShown.get()).as("nothing said before the user leaves the field or saves").isEmpty();
        form.leftField(AppointmentInput.DOCTOR);
        assertThat(doctorShown.get()).isEqualTo("Enter the doctor's id, e.g. dr_017.");
        assertThat(summaryShown.get()).isEmpty();
        assertThat(saveSummary.get()).isEmpty();

        assertThat(form.save(saved::set)).isFalse();
        assertThat(summaryShown.get()).isEqualTo("Write what was found, decided and prescribed.");
        assertThat(saveSummary.get()).isEqualTo("2 fields need fixing before saving: doctor, summary.");
        assertThat(saved.get()).isNull();

        form.doctorProperty().set("Dr. Smith!!");
        assertThat(doctorShown.get()).isEqualTo("Use only letters, digits, _ - and . in a doctor id; remove the '!', spaces.");
        form.summaryProperty().set("x");
        assertThat(summaryShown.get()).isEqualTo("Write at least 3 words (10 characters) about the appointment.");
        assertThat(form.save(saved::set)).isFalse();

        form.doctorProperty().set("dr_new");
        assertThat(form.problem(AppointmentInput.DOCTOR)).isNull();
        assertThat(saveSummary.get()).isEqualTo("1 field needs fixing before saving: summary.");
        form.summaryProperty().set("Patient presents with a mild cough for two days.");
        form.dateProperty().set(LocalDate.of(2026, 3, 1));
        assertThat(form.save(saved::set)).isTrue();
        assertThat(saved.get().doctorId()).isEqualTo("dr_new");
        assertThat(saved.get().outcomeKnown()).isFalse();
        assertThat(dialogs.errors).isEmpty();

        model.doctorProperty().set("dr_new");
        model.reload();
        assertThat(model.rowsProperty().get()).hasSize(1);
    }

    @Test
    void anotherOrderKeepsTheCountAndReadsThePagesInThatOrder() {
        HeldCounting counting = new HeldCounting();
        AppointmentsViewModel sorted = new AppointmentsViewModel(engine.appointments(), engine.outcomes(), engine.predictions(),
                Actor::localUser, counting, dialogs, new StoreCounts(engine.appointments(), counting, f -> { }));
        sorted.doctorProperty().set("dr_01");
        sorted.reload();
        int counts = counting.loads;
        int size = sorted.rowsProperty().get().size();
        sorted.sortProperty().set(new com.outcomedesk.appointments.AppointmentSort(
                com.outcomedesk.appointments.AppointmentSort.Key.DATE, true));
        sorted.resort();
        assertThat(counting.loads).as("not counted again").isEqualTo(counts);
        assertThat(sorted.rowsProperty().get()).hasSize(size);
    }

    /** Runs everything at once and counts the quiet loads. */
    static final class HeldCounting implements com.outcomedesk.ui.support.Background {
        final DirectBackground direct = new DirectBackground();
        int loads;

        @Override
        public <T> void run(String title, Job<T> job, java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> fail) {
            direct.run(title, job, ok, fail);
        }

        @Override
        public <T> void load(Job<T> job, java.util.function.Consumer<T> ok, java.util.function.Consumer<Throwable> fail) {
            loads++;
            direct.load(job, ok, fail);
        }

        @Override
        public javafx.beans.property.ReadOnlyBooleanProperty busyProperty() {
            return direct.busyProperty();
        }
    }

    @Test
    void textThatIsNotADateBlocksSavingWithItsReason() {
        AppointmentFormViewModel form = model.newAppointment();
        form.doctorProperty().set("dr_date");
        form.summaryProperty().set("Patient presents with a mild cough for two days.");
        form.dateTextProblemProperty().set("\u201cyesterday\u201d is not a date.");
        AtomicReference<AppointmentRow> saved = new AtomicReference<>();
        assertThat(form.save(saved::set)).isFalse();
        assertThat(form.problem(AppointmentInput.DATE)).contains("is not a date");
        assertThat(saved.get()).isNull();
        form.dateTextProblemProperty().set("");
        form.dateProperty().set(LocalDate.of(2025, 3, 15));
        assertThat(form.save(saved::set)).isTrue();
        assertThat(saved.get().date()).isEqualTo(LocalDate.of(2025, 3, 15));
    }

    @Test
    void aHeaderClickAsksTheStoreForThatColumnsOrderAndOthersGoBackToNewestFirst() {
        model.sortByColumn("doctorColumn", true);
        assertThat(model.sortProperty().get()).isEqualTo(new AppointmentSort(AppointmentSort.Key.DOCTOR, true));
        model.sortByColumn("categoryColumn", false);
        assertThat(model.sortProperty().get()).isEqualTo(new AppointmentSort(AppointmentSort.Key.CATEGORY, false));
        model.sortByColumn("summaryColumn", false);
        assertThat(model.sortProperty().get()).isEqualTo(AppointmentSort.NEWEST_FIRST);
        model.sortByColumn("dateColumn", false);
        model.sortByColumn(null, false);
        assertThat(model.sortProperty().get()).as("a third click").isEqualTo(AppointmentSort.NEWEST_FIRST);
    }

    @Test
    void aCategoryCellIsStyledByItsCategoryAndAnEmptyOneNot() {
        assertThat(AppointmentsViewModel.categoryStyle("Poor")).contains("category-poor");
        assertThat(AppointmentsViewModel.categoryStyle("")).isEmpty();
        assertThat(AppointmentsViewModel.categoryStyle(null)).isEmpty();
        assertThat(AppointmentsViewModel.isCategoryStyle("category-critical")).isTrue();
        assertThat(AppointmentsViewModel.isCategoryStyle("table-cell")).isFalse();
    }

    @Test
    void theRecordOutcomeDialogIsTitledAndSaysWhichAppointment() {
        AppointmentRow row = AppointmentRow.of(engine.appointments().page(AppointmentQuery.ALL, 0, 1).get(0));
        model.selectedProperty().set(row);
        RecordOutcomeViewModel entry = model.recordOutcome();
        assertThat(entry.title()).isEqualTo("Record outcome");
        assertThat(entry.header()).isEqualTo(AppointmentsViewModel.outcomeHeader(row)).contains(row.doctorId());
    }

    @Test
    void recordsAnOutcomeLaterAndEditsWithoutLosingIt() {
        AppointmentFormViewModel form = model.newAppointment();
        form.doctorProperty().set("dr_later");
        form.summaryProperty().set("Follow-up for hypertension.");
        AtomicReference<AppointmentRow> saved = new AtomicReference<>();
        form.save(saved::set);

        model.selectedProperty().set(saved.get());
        RecordOutcomeViewModel entry = model.recordOutcome();
        entry.textProperty().set("Patient is in critical condition and under intensive care.");
        boolean[] closed = {false};
        assertThat(entry.save(() -> closed[0] = true)).isTrue();
        assertThat(closed[0]).isTrue();
        AppointmentRow stored = AppointmentRow.of(engine.appointments().find(saved.get().id()).orElseThrow());
        assertThat(stored.category()).isEqualTo(OutcomeCategory.CRITICAL);

        model.selectedProperty().set(stored);
        AppointmentFormViewModel edit = model.editSelected();
        assertThat(edit.outcomeProperty().get()).startsWith("Patient is in critical");
        edit.summaryProperty().set("Follow-up for hypertension, medication adjusted.");
        edit.save(saved::set);
        assertThat(saved.get().category()).isEqualTo(OutcomeCategory.CRITICAL);

        // A blank or over-long outcome keeps the dialog open with the reason in it.
        RecordOutcomeViewModel blank = model.recordOutcome();
        blank.textProperty().set("  ");
        assertThat(blank.save(() -> closed[0] = false)).isFalse();
        assertThat(blank.problemProperty().get()).startsWith("Type what happened to the patient");
        blank.textProperty().set("x".repeat(2_001));
        assertThat(blank.problemProperty().get()).as("typing clears the old reason").isEmpty();
        assertThat(blank.save(() -> closed[0] = false)).isFalse();
        assertThat(blank.problemProperty().get()).isEqualTo("The outcome has 2,001 characters; shorten it to at most 2,000.");
        assertThat(closed[0]).isTrue();
        assertThat(dialogs.errors).isEmpty();
    }

    @Test
    void anOutcomeIsRecordedOnARowStoredBeforeTheRules() throws Exception {
        // Written as another site's sync would, straight into the store: a summary today's form would refuse.
        AppointmentRow row = AppointmentRow.of(engine.appointments().create(new AppointmentInput("dr_old",
                "Placeholder summary, to shorten.", null, null, null), Actor.localUser()));
        engine.database().withConnection(c -> {
            try (var ps = c.prepareStatement("UPDATE appointments SET summary = 'Cough.' WHERE id = ?")) {
                ps.setObject(1, row.id());
                return ps.executeUpdate();
            }
        });
        model.selectedProperty().set(row);
        RecordOutcomeViewModel entry = model.recordOutcome();
        entry.textProperty().set("Patient recovered fully.");
        assertThat(entry.save(() -> { })).isTrue();
        assertThat(entry.problemProperty().get()).isEmpty();
        assertThat(engine.appointments().find(row.id()).orElseThrow().outcomeText()).isEqualTo("Patient recovered fully.");
    }

    @Test
    void staleEditIsRefusedWithAClearMessage() {
        AppointmentFormViewModel form = model.newAppointment();
        form.doctorProperty().set("dr_stale");
        form.summaryProperty().set("Routine check-up, all well.");
        AtomicReference<AppointmentRow> saved = new AtomicReference<>();
        form.save(saved::set);
        model.selectedProperty().set(saved.get());
        AppointmentFormViewModel first = model.editSelected();
        AppointmentFormViewModel second = model.editSelected();
        first.summaryProperty().set("Routine check-up, all normal.");
        first.save(saved::set);
        second.summaryProperty().set("Routine check-up, other change.");
        second.save(r -> { });
        assertThat(dialogs.errors).singleElement().asString().contains("changed by");
    }

    @Test
    void deletesAfterConfirmation() {
        AppointmentFormViewModel form = model.newAppointment();
        form.doctorProperty().set("dr_gone");
        form.summaryProperty().set("Booked in error.");
        AtomicReference<AppointmentRow> saved = new AtomicReference<>();
        form.save(saved::set);
        model.selectedProperty().set(saved.get());
        model.deleteSelected();
        assertThat(engine.appointments().find(saved.get().id())).isEmpty();
    }
}
