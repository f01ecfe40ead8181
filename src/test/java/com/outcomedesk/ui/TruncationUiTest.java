package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.AppVersion;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.ui.shell.Shell;
import java.util.concurrent.CountDownLatch;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** Nothing in the status bar or in a message dialog is cut: Cancel, the sync segment, a long error, About. */
class TruncationUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    @Override
    protected void prepare() {
        engine = openStore();
    }

    @Override
    protected void start(Stage stage) {
        stage.setWidth(900);
        shell = showMainWindow(engine, stage);
    }

    @Override
    protected boolean watchesForStalls() {
        return false;
    }

    @Test
    void cancelAndTheSyncSegmentKeepTheirWholeTextWhileLongWorkRuns() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        robot.interact(() -> {
            shell.model().background().run("Importing a file with a very long name indeed, appointments-2025-all-sites.json",
                    p -> {
                        p.progress("Importing a file with a very long name indeed", 1, 10);
                        release.await();
                        return null;
                    }, r -> { }, e -> { });
        });
        Button cancel = robot.lookup("#cancelButton").queryButton();
        waitFor(cancel::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(cancel.getWidth()).as("Cancel at its full width").isGreaterThanOrEqualTo(cancel.prefWidth(-1) - 0.5);
        Button sync = (Button) robot.lookup(".status-bar .small-button").queryAll().stream()
                .filter(n -> n != cancel).findFirst().orElseThrow();
        assertThat(sync.getText()).isEqualTo("Local only");
        assertThat(sync.getWidth()).as("sync segment at its full width").isGreaterThanOrEqualTo(sync.prefWidth(-1) - 0.5);
        release.countDown();
    }

    @Test
    void aLongErrorWrapsWithinTheScreenAndScrolls() throws Exception {
        String message = "Cannot import clinic-export.csv: " + "line 12 has 9 columns where the header has 7. ".repeat(60);
        robot.interact(() -> javafx.application.Platform.runLater(() -> shell.model().dialogs().error("Could not finish", message)));
        waitFor(() -> FxSteps.dialog() != null);
        Node content = FxSteps.dialog().getContent();
        assertThat(content).isInstanceOf(ScrollPane.class);
        Label text = (Label) ((ScrollPane) content).getContent();
        assertThat(text.isWrapText()).isTrue();
        assertThat(text.getText()).isEqualTo(message);
        Window window = FxSteps.dialog().getScene().getWindow();
        double screen = Screen.getPrimary().getVisualBounds().getWidth();
        assertThat(window.getWidth()).isLessThanOrEqualTo(screen);
        assertThat(window.getHeight()).isLessThanOrEqualTo(Screen.getPrimary().getVisualBounds().getHeight());
        robot.clickOn("OK");
        waitFor(() -> FxSteps.dialog() == null);
    }

    @Test
    void aboutShowsTheBuildVersionAndTheWholeStorePath() throws Exception {
        robot.clickOn("Help");
        robot.clickOn("About OutcomeDesk");
        waitFor(() -> FxSteps.dialog() != null);
        assertThat(AppVersion.current()).matches("\\d+\\.\\d+\\.\\d+.*");
        assertThat(FxSteps.dialog().getHeaderText()).isEqualTo("OutcomeDesk " + AppVersion.current());
        Label text = robot.lookup("#aboutText").queryAs(Label.class);
        assertThat(text.isWrapText()).isTrue();
        assertThat(text.getText()).contains(engine.database().location().displayName());
        assertThat(text.getHeight()).as("all lines shown").isGreaterThanOrEqualTo(text.prefHeight(text.getWidth()) - 0.5);
        robot.clickOn("OK");
    }
}
