package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.shell.Shell;
import java.time.Duration;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The Settings screen and the Sync settings dialog, typed into as a person does. */
@NeedsPostgres
class AdminScreensUiTest extends HeadlessUiTest {
    Engine engine;

    @Override
    protected void prepare() {
        engine = openStore();
    }

    @Override
    protected void start(Stage stage) {
        showMainWindow(engine, stage);
    }

    @Test
    void settingsSayWhatIsWrongThenSave() throws Exception {
        robot.clickOn(Shell.SETTINGS);
        waitFor(() -> robot.lookup("#idleMinutes").queryTextInputControl().getText().equals("10"));
        robot.doubleClickOn("#idleMinutes").write("300");
        Label problem = robot.lookup("#idleProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("The idle lock must be a whole number of minutes from 1 to 240; \"300\" is not.");
        robot.clickOn("#saveSettings");
        assertThat(robot.lookup("#settingsMessage").queryLabeled().getText()).startsWith("Not saved");
        robot.doubleClickOn("#idleMinutes").write("15");
        assertThat(problem.isVisible()).isFalse();
        robot.clickOn("#saveSettings");
        waitFor(() -> robot.lookup("#settingsMessage").queryLabeled().getText().startsWith("Saved."));
        assertThat(engine.securitySettings().idleLock()).isEqualTo(Duration.ofMinutes(15));
        assertThat(robot.lookup("#saveSettings").queryButton().isDisabled()).as("nothing left to save").isTrue();
    }

    @Test
    void syncSettingsAreFieldsWithATestConnectionButton() throws Exception {
        robot.clickOn("Sync").clickOn("Sync settings…");
        waitFor(() -> dialog() != null && robot.lookup("#modeDirect").tryQuery().isPresent());
        assertThat(shown(robot.lookup("#serverUrl").query())).as("the recommended way comes first").isTrue();
        assertThat(shown(robot.lookup("#syncHost").query())).isFalse();
        robot.clickOn("#modeDirect");
        waitFor(() -> shown(robot.lookup("#syncHost").query()));
        assertThat(robot.lookup("#directWarning").queryLabeled().getText()).startsWith("Advanced, trusted network only");
        robot.clickOn("#syncHost").write("127.0.0.1");
        robot.doubleClickOn("#syncDatabase").write("no_such_db_here");
        robot.clickOn("#syncUser").write(TestStores.PG_USER);
        robot.clickOn("#syncTls");
        robot.clickOn("#testConnection");
        waitFor(() -> robot.lookup("#testResult").queryLabeled().getText().startsWith("The server 127.0.0.1 port 5432 "
                + "answered, but it has no database named no_such_db_here"));
        robot.doubleClickOn("#syncDatabase").write("test");
        robot.clickOn("#testConnection");
        waitFor(() -> robot.lookup("#testResult").queryLabeled().getText().startsWith("Connected:"));
        assertThat(robot.lookup("#testResult").query().getStyleClass()).contains("test-ok");
        // Saving would sync this store into the shared test database; the view model test covers Save.
        robot.clickOn(robot.from(dialog()).lookup("Cancel").queryButton()); // the dialog's, not another window's
        waitFor(() -> dialog() == null);
        assertThat(engine.sync().config()).as("testing a connection saves nothing").isEmpty();
    }

    /** Whether the node and every pane around it are shown. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
