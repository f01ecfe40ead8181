package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.ui.shell.Shell;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Drives the real main window headless (Monocle): the main flows a clinician goes through. */
class DesktopAppUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    @Override
    protected void prepare() {
        engine = openStore();
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
    }

    @Test
    void welcomeDemoDataInvalidThenValidAppointmentBadImportAndEveryScreen() throws Exception {
        waitFor(() -> robot.lookup(".welcome-title").tryQuery().isPresent());
        robot.interact(() -> shell.model().demoSizeProperty().set(1_000));
        robot.clickOn("#demoButton");
        waitFor(() -> rows(robot) == 1_000);

        // An invalid appointment is refused at the field; the dialog stays open.
        robot.clickOn("#newButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("Save");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(dialog()).as("form still open after an invalid save").isNotNull();

        // Then a valid one is saved and listed.
        robot.clickOn("#formDoctor").write("dr_ui");
        robot.clickOn("#formSummary").write("Patient presents with a mild cough for two days.");
        robot.clickOn("Save");
        waitFor(() -> dialog() == null && rows(robot) == 1_001);

        // A file that is not appointments is refused with a clear dialog, not a stack trace.
        Path bad = Files.writeString(dir.resolve("notes.txt"), "just some notes\nwithout any header");
        robot.interact(() -> shell.model().importFile(bad));
        waitFor(() -> dialog() != null);
        String message = ((Labeled) dialog().getContent()).getText();
        assertThat(message).contains("Cannot import notes.txt").doesNotContain("Exception");
        robot.clickOn("OK");
        waitFor(() -> dialog() == null);
        assertThat(engine.appointments().counts().appointments()).isEqualTo(1_001);

        // Predict a typed appointment and save the prediction.
        robot.interact(() -> shell.controller().show(Shell.PREDICTION));
        robot.clickOn("#predDoctor").write("dr_x"); // no known id starts so, so no suggestion popup covers the form
        robot.clickOn("#predSummary").write("Patient presents with chest pain and fever.");
        robot.clickOn("#predictButton");
        waitFor(() -> !robot.lookup("#saveButton").queryButton().isDisabled());
        robot.clickOn("#saveButton");
        waitFor(() -> engine.predictions().stats().count() == 1);

        for (Node button : robot.lookup(".nav-button").queryAll()) {
            robot.clickOn(button);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(((ToggleButton) button).isSelected()).isTrue();
        }
    }

    private static int rows(FxRobot robot) {
        return robot.lookup(".appointments-table").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size()).orElse(-1);
    }
}
