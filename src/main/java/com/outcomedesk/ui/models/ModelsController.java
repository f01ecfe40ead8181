package com.outcomedesk.ui.models;

import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.Views;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;
import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/** Binds the models dashboard: tiles for the active model, charts of its evaluation, and the versions table. */
public final class ModelsController {
    private static final String CAPTION = "outcomedesk.caption";
    private final ModelsViewModel model;
    private final Runnable retrain;
    private final java.util.function.Supplier<Parent> retraining;
    private final Tile accuracy = tile("Accuracy", "cross-validated", false);
    private final Tile f1 = tile("F1", "cross-validated", false);
    private final Tile auc = tile("AUC", "cross-validated", false);
    private final Tile predictions = tile("Predictions", "saved so far", false);
    private final Tile latency = tile("Latency", "engine's own time, mean of the saved predictions", true);
    private final Tile labelled = tile("Labelled records", "trained on", true);

    @FXML private javafx.scene.control.Tab retrainingTab;
    @FXML private Label activeText;
    @FXML private HBox tiles;
    @FXML private LineChart<Number, Number> versionsChart;
    @FXML private LineChart<Number, Number> rocChart;
    @FXML private GridPane confusion;
    @FXML private LineChart<Number, Number> calibrationChart;
    @FXML private BarChart<String, Number> ablationChart;
    @FXML private Button retrainButton;
    @FXML private Label adminOnly;
    @FXML private Button activateButton;
    @FXML private Button rollbackButton;
    @FXML private TableView<ModelVersionInfo> versionsTable;
    @FXML private TableColumn<ModelVersionInfo, Integer> versionColumn;
    @FXML private TableColumn<ModelVersionInfo, String> statusColumn;
    @FXML private TableColumn<ModelVersionInfo, String> algorithmColumn;
    @FXML private TableColumn<ModelVersionInfo, Double> accuracyColumn;
    @FXML private TableColumn<ModelVersionInfo, Double> f1Column;
    @FXML private TableColumn<ModelVersionInfo, Double> aucColumn;
    @FXML private TableColumn<ModelVersionInfo, Long> rowsColumn;
    @FXML private TableColumn<ModelVersionInfo, String> trainedColumn;
    @FXML private TableColumn<ModelVersionInfo, String> artifactColumn;

    /**
     * @param retrain    opens the Retrain dialog
     * @param retraining builds the Retraining policy tab
     */
    public ModelsController(ModelsViewModel model, Runnable retrain, java.util.function.Supplier<Parent> retraining) {
        this.model = model;
        this.retrain = retrain;
        this.retraining = retraining;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/models/Models.fxml", this);
    }

    /** 150 px high with the bigger text size: TilesFX sizes captions from the tile, 0.08 x 150 = 12 px. */
    /**
     * @param unit whether the figure has a unit: the skin shows the unit only if the tile had one when it was
     *             drawn first, so such tiles always hold one (a blank while the figure is unknown)
     */
    private static Tile tile(String title, String text, boolean unit) {
        Tile t = TileBuilder.create().skinType(Tile.SkinType.NUMBER).title(title).text(text).unit(unit ? " " : "")
                .textSize(Tile.TextSize.BIGGER).prefSize(150, 150).animated(false).build();
        t.setCustomDecimalFormatEnabled(true);
        t.getProperties().put(CAPTION, text);
        HBox.setHgrow(t, Priority.ALWAYS);
        t.setMaxWidth(Double.MAX_VALUE);
        return t;
    }

    @FXML
    private void initialize() {
        tiles.getChildren().addAll(accuracy, f1, auc, predictions, latency, labelled);
        retrainingTab.setContent(retraining.get());
        // Numbers sort as numbers; the table sorts a view, so the chart keeps the versions in order.
        SortedTables.column(versionColumn, ModelVersionInfo::version, String::valueOf);
        SortedTables.column(statusColumn, ModelVersionInfo::status, t -> t);
        SortedTables.column(algorithmColumn, ModelVersionInfo::algorithm, t -> t);
        SortedTables.column(accuracyColumn, ModelVersionInfo::accuracy, ModelsViewModel::metric);
        SortedTables.column(f1Column, ModelVersionInfo::f1, ModelsViewModel::metric);
        SortedTables.column(aucColumn, ModelVersionInfo::auc, ModelsViewModel::metric);
        SortedTables.column(rowsColumn, ModelVersionInfo::labelledRows, ModelsViewModel::rows);
        SortedTables.column(trainedColumn, ModelsViewModel::trained, t -> t);
        SortedTables.column(artifactColumn, model::artifactState, t -> t);
        model.artifactStatesProperty().addListener((o, was, now) -> versionsTable.refresh());
        SortedTables.show(versionsTable, model.versions());
        model.selectedProperty().bind(versionsTable.getSelectionModel().selectedItemProperty());
        activateButton.disableProperty().bind(model.selectedProperty().isNull());
        rollbackButton.disableProperty().bind(model.activeProperty().isNull());
        activeText.textProperty().bind(model.activeTextProperty());
        boolean administrator = model.mayChangeModels();
        retrainButton.setDisable(!administrator);
        if (!administrator) {
            activateButton.disableProperty().unbind();
            activateButton.setDisable(true);
            rollbackButton.disableProperty().unbind();
            rollbackButton.setDisable(true);
        }
        adminOnly.setText(administrator ? "" : ModelsViewModel.ADMINISTRATORS_ONLY);
        adminOnly.setVisible(!administrator);
        adminOnly.setManaged(!administrator);
        // Drawn from the current figures too, not only on change: the view may be built after they loaded.
        model.figuresProperty().addListener((o, a, f) -> showFigures(f));
        showFigures(model.figuresProperty().get());
        model.evaluationChartsProperty().addListener((o, a, charts) -> showEvaluation(charts));
        model.versionsChartProperty().addListener((o, a, chart) -> showVersions(chart));
        model.reload();
    }

    private void showFigures(ModelsViewModel.Figures f) {
        show(accuracy, f.accuracy());
        show(f1, f.f1());
        show(auc, f.auc());
        show(predictions, f.predictions());
        show(latency, f.latency());
        show(labelled, f.labelled());
    }

    /** An unknown figure shows no number at all rather than 0. */
    private static void show(Tile tile, ModelsViewModel.TileFigure figure) {
        tile.setCustomDecimalFormat(figure.format());
        tile.setDecimals(figure.decimals());
        if (!figure.unit().isEmpty()) tile.setUnit(figure.shownUnit());
        tile.setText(figure.caption((String) tile.getProperties().get(CAPTION)));
        tile.setValueVisible(figure.value() != null);
        tile.setValue(figure.value() == null ? 0 : figure.value());
        tile.setAccessibleText(figure.accessibleText(tile.getTitle()));
    }

    private void showVersions(ModelCharts.Versions chart) {
        versionsChart.getData().setAll(chart.series().stream().map(ModelsController::series).toList());
        versionAxis((NumberAxis) versionsChart.getXAxis(), chart);
    }

    /** A tick, and so a label, on every version and on nothing between them. */
    static void versionAxis(NumberAxis x, ModelCharts.Versions chart) {
        x.setAutoRanging(false);
        x.setLowerBound(chart.axisLower());
        x.setUpperBound(chart.axisUpper());
        x.setTickUnit(1);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Number n) {
                return ModelsViewModel.versionTick(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                return Integer.valueOf(s);
            }
        });
    }

    private void showEvaluation(ModelCharts.EvaluationCharts charts) {
        rocChart.getData().clear();
        calibrationChart.getData().clear();
        ablationChart.getData().clear();
        confusion.getChildren().clear();
        if (charts == null) return;
        rocChart.getData().setAll(charts.roc().stream().map(ModelsController::series).toList());
        calibrationChart.getData().setAll(charts.calibration().stream().map(ModelsController::series).toList());
        XYChart.Series<String, Number> ablation = new XYChart.Series<>();
        for (ModelCharts.Bar b : charts.ablation()) ablation.getData().add(new XYChart.Data<>(b.name(), b.value()));
        ablationChart.getData().setAll(List.of(ablation));
        for (ModelCharts.Cell c : charts.confusion()) confusion.add(cell(c), c.column(), c.row());
    }

    private static XYChart.Series<Number, Number> series(ModelCharts.Series data) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(data.name());
        for (ModelCharts.Point p : data.points()) s.getData().add(new XYChart.Data<>(p.x(), p.y()));
        return s;
    }

    /** The label over a shade of the accent colour (app.css), as opaque as the cell's share of its row. */
    private static StackPane cell(ModelCharts.Cell c) {
        Label l = new Label(c.text());
        l.getStyleClass().add("confusion-cell");
        l.setMinSize(180, 70);
        Region shade = new Region();
        shade.getStyleClass().add("confusion-shade");
        shade.setOpacity(c.shade());
        return new StackPane(shade, l);
    }

    @FXML private void retrain() { retrain.run(); }
    @FXML private void activate() { model.activateSelected(); }
    @FXML private void rollback() { model.rollback(); }
}
