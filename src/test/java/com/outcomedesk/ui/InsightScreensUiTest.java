package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.OutcomeMappingService.Phrasing;
import com.outcomedesk.appointments.OutcomeMappingService.PhrasingSource;
import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.insight.SharedFeature;
import com.outcomedesk.insight.SimilarDisease;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.ui.shell.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** The doctors, alike-diseases and outcome-mapping screens (Monocle headless), on 3,000 demo appointments. */
class InsightScreensUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;

    @Override
    protected void prepare() throws Exception {
        engine = openStore();
        Path demo = dir.resolve("demo.json");
        DemoDataWriter.write(new DemoDataGenerator(5, 10, 0.05), 3_000, demo, null, ProgressListener.NONE);
        engine.importer().importFile(demo, Actor.localUser(), ProgressListener.NONE);
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
    }

    @Test
    @SuppressWarnings("unchecked")
    void funnelLegendAxisTooltipOutcomeMixAndSorting() throws Exception {
        robot.interact(() -> shell.controller().show(Shell.DOCTORS));
        waitFor(() -> robot.lookup("#ranking").tryQuery().isPresent());
        NumberAxis loadingAxis = (NumberAxis) robot.lookup("#funnelChart").queryAs(LineChart.class).getYAxis();
        assertThat(loadingAxis.getUpperBound()).as("a rate axis even before the ranking arrives").isLessThanOrEqualTo(1.0);
        TableView<DoctorRow> ranking = robot.lookup("#ranking").queryAs(TableView.class);
        waitFor(() -> !ranking.getItems().isEmpty());
        LineChart<Number, Number> funnel = (LineChart<Number, Number>) robot.lookup("#funnelChart").query();

        // Every line of the funnel has a visible swatch in the legend.
        List<String> lines = List.of("95% upper limit", "95% lower limit", "99.8% upper limit", "99.8% lower limit", "overall rate");
        for (String name : lines) {
            Label item = funnel.lookupAll(".chart-legend-item").stream().map(Label.class::cast)
                    .filter(l -> name.equals(l.getText())).findFirst().orElseThrow(() -> new AssertionError("no legend item " + name));
            Region swatch = (Region) item.getGraphic();
            assertThat(swatch.getWidth()).as("swatch width of " + name).isGreaterThanOrEqualTo(16);
            assertThat(swatch.getHeight()).as("swatch height of " + name).isGreaterThan(0);
            assertThat(swatch.getBackground().getFills()).as("swatch of " + name)
                    .anyMatch(f -> !(f.getFill() instanceof Color c) || c.getOpacity() > 0);
        }

        // The rate axis ends at a rate, above every doctor's rate.
        NumberAxis rate = (NumberAxis) funnel.getYAxis();
        double highest = ranking.getItems().stream().mapToDouble(DoctorRow::worseRate).max().orElseThrow();
        assertThat(rate.getUpperBound()).isLessThanOrEqualTo(1.0).isGreaterThan(highest);
        assertThat(rate.getLowerBound()).isGreaterThanOrEqualTo(0.0);

        // The tooltip of the doctor furthest right is whole on the screen and beside the point, not over it.
        Node rightmost = funnel.getData().stream().limit(3).flatMap(s -> s.getData().stream())
                .max(Comparator.comparingDouble(d -> d.getXValue().doubleValue())).map(XYChart.Data::getNode).orElseThrow();
        robot.moveTo(rightmost);
        waitFor(10, () -> showingTooltip() != null);
        Tooltip tip = showingTooltip();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Bounds point = rightmost.localToScreen(rightmost.getBoundsInLocal());
        assertThat(tip.getX()).isGreaterThanOrEqualTo(screen.getMinX());
        assertThat(tip.getX() + tip.getWidth()).isLessThanOrEqualTo(screen.getMaxX());
        assertThat(tip.getY() + tip.getHeight()).isLessThanOrEqualTo(screen.getMaxY());
        assertThat(tip.getX() + tip.getWidth() <= point.getMinX() || tip.getX() >= point.getMaxX()
                || tip.getY() + tip.getHeight() <= point.getMinY() || tip.getY() >= point.getMaxY())
                .as("tooltip beside the point, not over it").isTrue();
        robot.moveTo((Node) robot.lookup(".screen-title").query());

        // After another ranking method the outcome mix is drawn again without labels piling up.
        ChoiceBox<RankingMethod> method = robot.lookup("#methodChoice").queryAs(ChoiceBox.class);
        robot.clickOn(method);
        robot.clickOn("Reference (weighted score)");
        waitFor(() -> ranking.getItems().stream().allMatch(r -> r.method().equals(RankingMethod.REFERENCE.code())));
        WaitForAsyncUtils.waitForFxEvents();
        PieChart mix = robot.lookup("#mixChart").queryAs(PieChart.class);
        DoctorRow first = ranking.getSelectionModel().getSelectedItem();
        long categories = first.outcomeMix().values().stream().filter(c -> c > 0).count();
        assertThat(mix.getData()).hasSize((int) categories);
        // Every slice is named in a legend that is shown whole inside the window (a chart's own legend hides itself).
        double sceneWidth = mix.getScene().getWidth();
        assertThat(robot.lookup(".mix-legend-item").queryAllAs(Label.class)).hasSize((int) categories)
                .allMatch(l -> l.getText().matches("[a-z]+: [\\d,]+ \\(\\d+%\\)"))
                .allMatch(l -> l.isVisible() && l.getParent().isVisible())
                .allMatch(l -> l.localToScene(l.getBoundsInLocal()).getMaxX() <= sceneWidth)
                .allMatch(l -> l.getWidth() >= l.prefWidth(-1) - 0.5);
        List<Bounds> labels = new ArrayList<>();
        for (Node label : mix.lookupAll(".chart-pie-label")) if (label.isVisible()) labels.add(label.getBoundsInParent());
        for (int i = 0; i < labels.size(); i++) {
            for (int j = 0; j < i; j++) assertThat(labels.get(i).intersects(labels.get(j))).as("pie labels overlap").isFalse();
        }

        // Columns sort by value: cases as numbers, not as text.
        robot.clickOn(header(robot, "Cases"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ranking.getItems()).isSortedAccordingTo(Comparator.comparingLong(DoctorRow::cases));
        robot.clickOn(header(robot, "#"));
        robot.clickOn(header(robot, "#"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(ranking.getItems()).extracting(DoctorRow::rank).first().isEqualTo(ranking.getItems().size());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMisspeltDiseaseIsAnsweredOnEnterWithSpellingsToPickAndReasonsAreClinical() throws Exception {
        robot.interact(() -> shell.controller().show(Shell.DISEASES));
        waitFor(() -> robot.lookup("#groupList").tryQuery().map(n -> !((ListView<?>) n).getItems().isEmpty()).orElse(false));
        TableView<SharedFeature> reasons = robot.lookup("#reasonTable").queryAs(TableView.class);
        assertThat(reasons.getItems()).noneMatch(f -> f.type().equals("outcome"));
        assertThat(robot.lookup("#outcomesText").queryLabeled().getText()).startsWith("excellent ");

        robot.clickOn(".combo-box .text-field").write("diabetis").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        Label message = robot.lookup("#messageText").queryAs(Label.class);
        assertThat(message.isVisible()).isTrue();
        assertThat(message.getText()).isEqualTo("No profiled disease is called 'diabetis'.");
        assertThat(FxSteps.dialog()).as("answered in place, not in a dialog").isNull();
        Hyperlink diabetes = robot.lookup(".suggestion").match(n -> "diabetes".equals(((Hyperlink) n).getText())).queryAs(Hyperlink.class);
        robot.clickOn(diabetes);
        TableView<SimilarDisease> similar = robot.lookup("#similarTable").queryAs(TableView.class);
        waitFor(() -> !similar.getItems().isEmpty());
        assertThat(message.isVisible()).isFalse();

        robot.clickOn(header(robot, "Appointments"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(similar.getItems()).isSortedAccordingTo(Comparator.comparingLong(SimilarDisease::appointments));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anAdministratorMapsAKeywordGuessAfterSeeingHowManyAppointmentsChange() throws Exception {
        ToggleButton nav = robot.lookup(".nav-button").match(n -> Shell.OUTCOME_MAPPING.equals(((ToggleButton) n).getText()))
                .queryAs(ToggleButton.class);
        robot.clickOn(nav);
        waitFor(() -> robot.lookup("#phrasingTable").tryQuery().isPresent());
        TableView<Phrasing> table = robot.lookup("#phrasingTable").queryAs(TableView.class);
        waitFor(() -> !table.getItems().isEmpty());
        assertThat(table.getItems()).allMatch(p -> p.source().needsReview());
        Phrasing guess = table.getItems().stream().filter(p -> p.source() == PhrasingSource.KEYWORD).findFirst().orElseThrow();
        long before = engine.outcomes().phrasings().stream().filter(p -> p.source().needsReview()).count();
        int version = shell.model().dataVersionProperty().get();

        robot.interact(() -> table.getSelectionModel().select(guess));
        Label preview = robot.lookup("#previewText").queryAs(Label.class);
        String expected = String.format("%,d appointment", guess.appointments());
        waitFor(() -> preview.getText().startsWith(expected));
        Button map = robot.lookup("#mapButton").queryButton();
        assertThat(map.getText()).isEqualTo("Confirm the guess");
        robot.clickOn(map);
        waitFor(() -> FxSteps.dialog() != null);
        assertThat(((Label) FxSteps.dialog().getContent()).getText()).contains(guess.outcomeText()).contains(expected);
        robot.clickOn("OK");
        waitFor(() -> shell.model().dataVersionProperty().get() > version);
        waitFor(() -> table.getItems().stream().noneMatch(p -> p.outcomeText().equals(guess.outcomeText())));
        assertThat(robot.lookup("#statusText").queryAs(Label.class).getText()).startsWith("Mapped \"" + guess.outcomeText() + "\"");
        assertThat(engine.outcomes().phrasings().stream().filter(p -> p.source().needsReview())).hasSize((int) before - 1);
    }

    static Node header(FxRobot robot, String title) {
        return robot.lookup(".column-header").match(h -> h.lookup(".label") instanceof Label l && title.equals(l.getText())).query();
    }

    private static Tooltip showingTooltip() {
        for (Window w : Window.getWindows()) if (w instanceof Tooltip t && t.isShowing()) return t;
        return null;
    }
}
