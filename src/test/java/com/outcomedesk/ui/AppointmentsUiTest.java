package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.settings.DateFormatChoice;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.shell.Shell;
import com.outcomedesk.ui.support.DateStyle;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The appointments screen driven as a person does: typing into the form and the filters. */
class AppointmentsUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    @Override
    protected void prepare() {
        engine = openStore();
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        // The main window applies the store's date format, as an administrator set it in Settings.
        engine.displaySettings().setDateFormat(DateFormatChoice.DAY_FIRST, Actor.localUser());
    }

    @Override
    protected void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((t, e) -> uncaught.add(e));
        shell = showMainWindow(engine, stage);
    }

    @AfterEach
    void stop() throws Exception {
        // The date style is the app's, not the store's: the next test starts from the locale's.
        Platform.runLater(() -> DateStyle.use(DateStyle.LOCALE));
        assertThat(uncaught).as("exceptions that reached the FX thread").isEmpty();
    }

    @Test
    void typedDatesAreSavedAndTextThatIsNotADateSaysSoAndStays() throws Exception {
        waitFor(() -> rows(robot) >= 400);
        int before = rows(robot);
        assertThat(robot.lookup("#fromDate").queryAs(DatePicker.class).getPromptText()).isEqualTo("From dd/mm/yyyy");

        // An ISO date typed into the form, then Save straight away: stored as that date.
        robot.clickOn("#newButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("#formDoctor").write("dr_dates");
        robot.clickOn("#formDate").write("2025-03-15");
        robot.clickOn("#formSummary").write("Patient presents with a mild cough for two days.");
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> dialog() == null);
        assertThat(stored("dr_dates").appointmentDate()).isEqualTo(LocalDate.of(2025, 3, 15));

        // Day first, as the chosen style says; Save without leaving the field.
        robot.clickOn("#newButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("#formDoctor").write("dr_dayfirst");
        robot.clickOn("#formSummary").write("Review of blood pressure after the new medication.");
        robot.clickOn("#formDate").write("4/2/2025");
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> dialog() == null);
        assertThat(stored("dr_dayfirst").appointmentDate()).isEqualTo(LocalDate.of(2025, 2, 4));

        // Text that is not a date keeps the form open and says why at the field.
        robot.clickOn("#newButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("#formDoctor").write("dr_nodate");
        robot.clickOn("#formSummary").write("Routine review of the asthma plan and inhaler use.");
        robot.clickOn("#formDate").write("31/02/2025");
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> visibleError(robot).contains("February 2025 has 28 days"));
        assertThat(dialog()).isNotNull();
        assertThat(robot.lookup("#formDate").queryAs(DatePicker.class).getEditor().getText()).isEqualTo("31/02/2025");
        replace(robot, "#formDate", "28/02/2025");
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> dialog() == null);
        assertThat(stored("dr_nodate").appointmentDate()).isEqualTo(LocalDate.of(2025, 2, 28));

        // The filters read day-first and ISO dates; other text stays with its reason and filters nothing.
        robot.clickOn("#fromDate").write("1/2/2025").type(KeyCode.TAB);
        waitFor(() -> rows(robot) == 3);
        robot.clickOn("#toDate").write("2025-02-10").type(KeyCode.TAB);
        waitFor(() -> rows(robot) == 1);
        assertThat(robot.lookup("#toDate").queryAs(DatePicker.class).getEditor().getText()).isEqualTo("10/02/2025");
        replace(robot, "#fromDate", "yesterday");
        robot.type(KeyCode.TAB);
        waitFor(() -> visibleError(robot).contains("\u201cyesterday\u201d is not a date"));
        assertThat(robot.lookup("#fromDate").queryAs(DatePicker.class).getEditor().getText()).isEqualTo("yesterday");
        assertThat(rows(robot)).isEqualTo(1);
        robot.clickOn("Clear");
        waitFor(() -> rows(robot) == before + 3 && visibleError(robot).isEmpty());

        // The table shows dates in the chosen style.
        robot.interact(() -> DateStyle.use(DateStyle.ISO));
        robot.clickOn("#doctorField").write("dr_dates");
        waitFor(() -> rows(robot) == 1 && robot.lookup("2025-03-15").tryQuery().isPresent());
    }

    @Test
    void saveOnAnEmptyFormSaysInWordsWhatToFixBesideEachFieldAndAtSave() throws Exception {
        waitFor(() -> rows(robot) > 0);
        robot.clickOn("#newButton");
        // Shown and settled: the form puts the cursor in its first field once it is on screen.
        waitFor(() -> dialog() != null && robot.lookup("#formDoctor").query().isFocused());
        assertThat(shown(robot, "#formDoctorProblem")).as("nothing before the user acts").isEmpty();
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> !shown(robot, "#formSaveSummary").isEmpty());
        assertThat(shown(robot, "#formDoctorProblem")).isEqualTo("Enter the doctor's id, e.g. dr_017.");
        assertThat(shown(robot, "#formSummaryProblem")).isEqualTo("Write what was found, decided and prescribed.");
        assertThat(shown(robot, "#formSaveSummary")).isEqualTo("2 fields need fixing before saving: doctor, summary.");
        assertThat(shown(robot, "#formPatientProblem")).isEmpty();

        robot.clickOn("#formDoctor").write("Dr. Smith!!");
        robot.clickOn("#formSummary").write("x");
        waitFor(() -> shown(robot, "#formSummaryProblem").startsWith("Write at least 3 words"));
        assertThat(shown(robot, "#formDoctorProblem")).isEqualTo("Use only letters, digits, _ - and . in a doctor id; "
                + "remove the '!', spaces.");
        // Every reason fits in the window (the dialog grew to show them), and the window on the screen.
        javafx.scene.Node label = robot.lookup("#formSaveSummary").query();
        javafx.geometry.Bounds b = label.localToScreen(label.getBoundsInLocal());
        javafx.stage.Window w = label.getScene().getWindow();
        assertThat(b.getMaxY()).isLessThanOrEqualTo(w.getY() + w.getHeight());
        assertThat(w.getY() + w.getHeight()).isLessThanOrEqualTo(javafx.stage.Screen.getPrimary().getVisualBounds().getMaxY());
        robot.clickOn(dialog().lookupButton(javafx.scene.control.ButtonType.CANCEL));
        waitFor(() -> dialog() == null);
    }

    @Test
    void leavingAFieldShowsItsProblemAtOnce() throws Exception {
        waitFor(() -> rows(robot) > 0);
        robot.clickOn("#newButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("#formDoctor").write("_dr").type(KeyCode.TAB);
        waitFor(() -> shown(robot, "#formDoctorProblem").equals("Start the doctor id with a letter or a digit."));
        assertThat(shown(robot, "#formSummaryProblem")).isEmpty();
        robot.clickOn(dialog().lookupButton(javafx.scene.control.ButtonType.CANCEL));
        waitFor(() -> dialog() == null);
    }

    @Test
    void recordOutcomeTakesTypingAtOnceAndStaysOpenOnAProblem() throws Exception {
        waitFor(() -> rows(robot) > 0);
        waitFor(() -> rows(robot) > 0 && table(robot).getItems().get(0) instanceof com.outcomedesk.ui.appointments.PagedRows.Slot s
                && s.row() != null);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        waitFor(() -> !robot.lookup("#outcomeButton").queryButton().isDisabled());
        var row = ((com.outcomedesk.ui.appointments.PagedRows.Slot) table(robot).getSelectionModel().getSelectedItem()).row();
        robot.clickOn("#outcomeButton");
        waitFor(() -> dialog() != null);
        // No click into the field first: typing goes there at once.
        robot.push(KeyCode.SHORTCUT, KeyCode.A).type(KeyCode.BACK_SPACE);
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> shown(robot, "#outcomeProblem").startsWith("Type what happened to the patient"));
        assertThat(dialog()).as("the dialog stays open with the reason in it").isNotNull();
        robot.write("Made a full recovery.");
        assertThat(shown(robot, "#outcomeProblem")).isEmpty();
        robot.clickOn(robot.from(dialog()).lookup("Save").queryButton());
        waitFor(() -> dialog() == null);
        assertThat(engine.appointments().find(row.id()).orElseThrow().outcomeText()).isEqualTo("Made a full recovery.");
    }

    @Test
    void aHeaderClickSortsByTheStoreAndThePatientFilterFinds() throws Exception {
        waitFor(() -> rows(robot) > 0);
        var service = engine.appointments();
        String first = service.page(AppointmentQuery.ALL, new com.outcomedesk.appointments.AppointmentSort(
                com.outcomedesk.appointments.AppointmentSort.Key.DOCTOR, false), 0, 1).get(0).doctorId();
        String last = service.page(AppointmentQuery.ALL, new com.outcomedesk.appointments.AppointmentSort(
                com.outcomedesk.appointments.AppointmentSort.Key.DOCTOR, true), 0, 1).get(0).doctorId();
        // A row selected while the header is clicked: the new rows must not land while the table updates selection.
        waitFor(() -> onFx(() -> doctorInRow(robot, 0)) != null);
        robot.interact(() -> table(robot).getSelectionModel().select(0));
        robot.clickOn(robot.lookup(".column-header").lookup("Doctor").queryLabeled());
        waitFor(() -> first.equals(onFx(() -> doctorInRow(robot, 0))));
        robot.interact(() -> table(robot).getSelectionModel().select(1));
        robot.clickOn(robot.lookup(".column-header").lookup("Doctor").queryLabeled());
        waitFor(() -> last.equals(onFx(() -> doctorInRow(robot, 0))));
        assertThat(uncaught).as("exceptions that reached the FX thread").isEmpty();

        engine.appointments().create(new com.outcomedesk.appointments.AppointmentInput("dr_ref",
                "Patient reference search check, all fine.", null, "P7770001", null), Actor.localUser());
        robot.clickOn("#patientField").write("P777");
        waitFor(() -> rows(robot) == 1 && "dr_ref".equals(onFx(() -> doctorInRow(robot, 0))));
        waitFor(() -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> "P7770001".equals(((javafx.scene.control.Labeled) n).getText())));
    }

    /**
     * Reads on the FX thread, giving up after 10 s: the table's items are only safe to read there, and a read
     * that waited forever for a busy FX thread would hang the test instead of failing it.
     */
    static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        var result = new java.util.concurrent.CompletableFuture<T>();
        Platform.runLater(() -> {
            try {
                result.complete(read.call());
            } catch (Exception | Error e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    static String doctorInRow(FxRobot robot, int index) {
        Object item = table(robot).getItems().isEmpty() ? null : table(robot).getItems().get(index);
        var row = item == null ? null : ((com.outcomedesk.ui.appointments.PagedRows.Slot) item).row();
        return row == null ? null : row.doctorId();
    }

    @SuppressWarnings("unchecked")
    static TableView<Object> table(FxRobot robot) {
        return (TableView<Object>) robot.lookup(".appointments-table").query();
    }

    /** A label's text when it is showing, else empty. */
    static String shown(FxRobot robot, String id) {
        return robot.lookup(id).tryQuery().filter(javafx.scene.Node::isVisible).map(n -> ((Label) n).getText()).orElse("");
    }

    /** Selects all of a field's text and types over it. */
    static void replace(FxRobot robot, String field, String text) {
        robot.clickOn(field).push(KeyCode.SHORTCUT, KeyCode.A).write(text);
    }

    private StoredAppointment stored(String doctor) {
        return engine.appointments().page(AppointmentQuery.ALL.withDoctor(doctor), 0, 1).get(0);
    }

    /** The text of every error label showing, in any window. */
    static String visibleError(FxRobot robot) {
        StringBuilder s = new StringBuilder();
        for (Node n : robot.lookup(".error-text").queryAll()) {
            if (n.isVisible() && n.getScene() != null && n.getScene().getWindow().isShowing()) s.append(((Label) n).getText());
        }
        return s.toString();
    }

    static int rows(FxRobot robot) {
        return robot.lookup(".appointments-table").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size()).orElse(-1);
    }
}
