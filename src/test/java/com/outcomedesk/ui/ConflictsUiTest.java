package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.ui.shell.Shell;
import com.outcomedesk.ui.sync.ConflictsViewModel;
import java.nio.file.Path;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The Conflicts screen in the main window on a site with a real sync conflict: compare, then use the other version. */
@NeedsFxToolkit
@NeedsPostgres
@ExtendWith(ApplicationExtension.class)
class ConflictsUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    @TempDir static Path dir;
    static SyncFixture fixture;
    static Engine site;
    static Engine other;
    static UUID appointment;
    FxStallWatchdog watchdog;

    @BeforeAll
    static void twoSitesEditTheSameAppointment() {
        fixture = new SyncFixture(dir);
        site = fixture.site();
        other = fixture.site();
        appointment = fixture.concurrentEdit(site, other);
    }

    @AfterAll
    static void close() {
        fixture.close();
    }

    @Start
    void start(Stage stage) {
        FxSteps.showMainWindow(site, stage);
        watchdog = new FxStallWatchdog();
    }

    @AfterEach
    void stop() {
        FxSteps.assertNoEngineStall(watchdog);
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareBothVersionsThenUseTheOtherOne(FxRobot robot) throws Exception {
        robot.clickOn(Shell.CONFLICTS);
        waitFor(() -> robot.lookup("#conflictsTable").tryQuery().isPresent());
        TableView<ConflictsViewModel.Row> list = robot.lookup("#conflictsTable").queryAs(TableView.class);
        TableView<ConflictsViewModel.Field> compare = robot.lookup("#comparisonTable").queryAs(TableView.class);
        waitFor(() -> list.getItems().size() == 1 && !compare.getItems().isEmpty());
        ConflictsViewModel.Field summary = compare.getItems().stream().filter(f -> f.name().equals("Summary"))
                .findFirst().orElseThrow();
        assertThat(summary.inUse()).isEqualTo(site.appointments().find(appointment).orElseThrow().summary());
        assertThat(robot.lookup((Node n) -> n instanceof Text t && t.getText().equals(summary.kept()) && n.isVisible())
                .tryQuery()).as("the kept summary is on screen").isPresent();

        robot.clickOn("#useOtherVersion");
        waitFor(() -> list.getItems().isEmpty());
        assertThat(site.appointments().find(appointment).orElseThrow().summary()).isEqualTo(summary.kept());
        assertThat(robot.lookup("#conflictsMessage").queryLabeled().getText())
                .startsWith("Now using the other version of appointment ");
    }
}
