package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.shell.Shell;
import eu.hansolo.tilesfx.Tile;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** The Models screen as it opens on a store whose model was trained in an earlier session. */
class ModelsScreenUiTest extends HeadlessUiTest {
    Engine engine;
    ModelVersionInfo active;
    Shell shell;

    @Override
    protected void prepare() {
        engine = openStore();
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
        engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42, TrainingRequest.DEFAULT_BITS),
                Actor.localUser(), ProgressListener.NONE);
        active = engine.models().active().orElseThrow();
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
    }

    @Test
    void tilesShowTheActiveModelsFiguresAtOnceWithUnitsAndReadableCaptions() throws Exception {
        robot.clickOn("Models");
        String accuracy = String.format(Locale.ROOT, "%.3f", active.accuracy());
        waitFor(() -> texts(tile(robot, "Accuracy")).contains(accuracy));
        assertThat(texts(tile(robot, "AUC"))).contains(String.format(Locale.ROOT, "%.3f", active.auc()));
        assertThat(texts(tile(robot, "F1"))).contains(String.format(Locale.ROOT, "%.3f", active.f1()));
        assertThat(String.join("", texts(tile(robot, "Labelled records")))).contains(active.labelledRows() + "").contains("records");
        // The unit is drawn inside the tile, not wrapped onto a line below it.
        Tile labelled = tile(robot, "Labelled records");
        Text unit = robot.from(labelled).lookup((Text t) -> t.getText().contains("records") && t.isVisible()).query();
        assertThat(labelled.sceneToLocal(unit.localToScene(unit.getBoundsInLocal())).getMaxY()).isLessThan(labelled.getHeight());
        for (String title : List.of("Accuracy", "F1", "AUC", "Predictions", "Latency", "Labelled records")) {
            Text caption = robot.from(tile(robot, title)).lookup((Text t) -> title.equals(t.getText())).query();
            assertThat(caption.getFont().getSize()).as(title + " caption size").isGreaterThanOrEqualTo(12);
        }
    }

    private static Tile tile(FxRobot robot, String title) {
        return robot.lookup((Node n) -> n instanceof Tile t && title.equals(t.getTitle())).query();
    }

    /** The texts a tile draws, as shown (visible ones only). */
    private static List<String> texts(Tile tile) {
        return tile.lookupAll("Text").stream().filter(Node::isVisible).map(n -> ((Text) n).getText()).toList();
    }
}
