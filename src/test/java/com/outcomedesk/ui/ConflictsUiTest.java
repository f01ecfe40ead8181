package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.ui.shell.Shell;
import com.outcomedesk.ui.sync.ConflictsViewModel;
import java.util.UUID;
import javafx.scene.Node;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/** The Conflicts screen in the main window on a site with a real sync conflict: compare, then use the other version. */
@NeedsPostgres
class ConflictsUiTest extends HeadlessUiTest {
    SyncFixture fixture;
    Engine site;
    Engine other;
    UUID appointment;

    @Override
    protected void prepare() {
        fixture = closedAfterTest(new SyncFixture(dir));
        site = fixture.site();
        other = fixture.site();
        appointment = fixture.concurrentEdit(site, other);
    }

    @Override
    protected void start(Stage stage) {
        showMainWindow(site, stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void compareBothVersionsThenUseTheOtherOne() throws Exception {
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
