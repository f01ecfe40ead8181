package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.models.RetrainViewModel;
import com.outcomedesk.ui.shell.Shell;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import javafx.scene.Node;
import javafx.scene.input.KeyCode;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;

/** Retraining as an administrator does it in the main window (Monocle headless): train, compare, activate, roll back. */
class RetrainFlowUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    /** The same 1,000 demo records the welcome screen loads, imported before the window opens. */
    @Override
    protected void prepare() throws Exception {
        engine = openStore();
        Path demo = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(7, DemoDataGenerator.defaultDoctorCount(1_000), 0.05), 1_000, demo, null,
                ProgressListener.NONE);
        engine.importer().importFile(demo, Actor.localUser(), ProgressListener.NONE);
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
    }

    @Test
    void retrainFromTheMenuActivateTheCandidateThenRollBackFromTheVersionsTable() throws Exception {
        trainAndActivate(robot, "none", 1);
        trainAndActivate(robot, "1", 2);

        robot.clickOn("#modelMenu").clickOn("#versionsItem");
        waitFor(() -> statuses(robot).equals(List.of("retired", "active")));
        robot.clickOn("#rollbackButton");
        waitFor(() -> dialog() != null);
        robot.clickOn("OK");
        waitFor(() -> activeVersion() == 1 && statuses(robot).equals(List.of("active", "retired")));
        assertThat(robot.lookup("#modelLabel").queryLabeled().getText()).startsWith("Model: version 1 (");

        // Version 1 kept the best of all candidates by AUC, so a random forest on the same folds is no better:
        // the dialog says so, Keep is the default button, and Enter keeps version 1.
        robot.clickOn("#modelMenu").clickOn("#retrainItem");
        waitFor(() -> robot.lookup("#trainButton").tryQuery().isPresent());
        robot.clickOn("#algorithmChoice").clickOn(robot.lookup(".menu-item")
                .lookup(LabeledMatchers.hasText(RetrainViewModel.label(TrainingRequest.Algorithm.FOREST))).<Node>query());
        robot.clickOn("#trainButton");
        waitFor(90, () -> !comparison(robot).getItems().isEmpty());
        assertThat(robot.lookup("#verdictText").queryLabeled().getText()).containsAnyOf("is worse than", "is no better than");
        assertThat(robot.lookup("#keepButton").queryButton().isDefaultButton()).isTrue();
        assertThat(robot.lookup("#activateCandidateButton").queryButton().isDefaultButton()).isFalse();
        assertThat(robot.lookup("#activateCandidateButton").queryButton().isDisabled()).as("still possible").isFalse();
        robot.type(KeyCode.ENTER);
        waitFor(() -> dialog() == null);
        assertThat(activeVersion()).isEqualTo(1);

        // The versions table sorts by value: AUC ascending as numbers, then Version descending.
        waitFor(() -> column(robot, "Version").size() == 3);
        robot.clickOn(header(robot, "AUC"));
        List<Double> aucs = column(robot, "AUC").stream().map(v -> (Double) v).toList();
        assertThat(aucs).isSorted();
        robot.clickOn(header(robot, "Version")).clickOn(header(robot, "Version"));
        assertThat(column(robot, "Version")).containsExactly(3, 2, 1);
    }

    private static Node header(FxRobot robot, String text) {
        return robot.from(robot.lookup("#versionsTable").<Node>query()).lookup(".column-header .label")
                .lookup(LabeledMatchers.hasText(text)).query();
    }

    /** A column's values of the versions table as shown, top to bottom. */
    private static List<Object> column(FxRobot robot, String text) {
        TableView<?> table = robot.lookup("#versionsTable").queryAs(TableView.class);
        TableColumn<?, ?> c = table.getColumns().stream().filter(col -> col.getText().equals(text)).findFirst().orElseThrow();
        return IntStream.range(0, table.getItems().size()).mapToObj(i -> (Object) c.getCellData(i)).toList();
    }

    /** Model > Retrain..., automatic with the default folds, Train, then Activate once the comparison is shown. */
    private void trainAndActivate(FxRobot robot, String activeBefore, int expected) throws Exception {
        robot.clickOn("#modelMenu").clickOn("#retrainItem");
        waitFor(() -> robot.lookup("#trainButton").tryQuery().isPresent());
        robot.clickOn("#algorithmChoice").clickOn(robot.lookup(".menu-item")
                .lookup(LabeledMatchers.hasText(RetrainViewModel.label(TrainingRequest.Algorithm.AUTO))).<Node>query());
        assertThat(robot.lookup("#algorithmChoice").queryAs(ChoiceBox.class).getValue()).isEqualTo(TrainingRequest.Algorithm.AUTO);
        Spinner<?> folds = robot.lookup("#foldsSpinner").queryAs(Spinner.class);
        assertThat(folds.getValue()).isEqualTo(TrainingRequest.defaults().folds());

        robot.clickOn("#trainButton");
        waitFor(90, () -> !comparison(robot).getItems().isEmpty());
        assertThat(comparison(robot).getItems()).first()
                .isEqualTo(new RetrainViewModel.Row("Version", activeBefore, String.valueOf(expected)));
        assertThat(activeVersion()).as("training alone does not activate").isEqualTo(expected == 1 ? -1 : expected - 1);

        robot.clickOn("#activateCandidateButton");
        waitFor(() -> activeVersion() == expected
                && robot.lookup("#modelLabel").queryLabeled().getText().startsWith("Model: version " + expected + " ("));
        robot.clickOn("Close");
        waitFor(() -> dialog() == null);
    }

    private int activeVersion() {
        return engine.models().active().map(ModelVersionInfo::version).orElse(-1);
    }

    @SuppressWarnings("unchecked")
    private static TableView<RetrainViewModel.Row> comparison(FxRobot robot) {
        return robot.lookup("#comparison").queryAs(TableView.class);
    }

    /** The Status column of the versions table as shown, in version order. */
    private static List<String> statuses(FxRobot robot) {
        return robot.lookup("#versionsTable").tryQuery().map(n -> {
            TableView<?> table = (TableView<?>) n;
            TableColumn<?, ?> status = table.getColumns().stream().filter(c -> c.getText().equals("Status")).findFirst().orElseThrow();
            return IntStream.range(0, table.getItems().size()).mapToObj(i -> String.valueOf(status.getCellData(i))).toList();
        }).orElse(List.of());
    }
}
