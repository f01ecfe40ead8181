package com.outcomedesk.ui.monitoring;

import com.outcomedesk.monitor.Alert;
import com.outcomedesk.ui.models.RetrainingViewModel;
import com.outcomedesk.ui.support.DateStyle;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

/** Binds the Monitoring screen: the two charts, the heat strip, the alert table and the latest retraining decision. */
public final class MonitoringController {
    private final MonitoringViewModel model;
    private final RetrainingViewModel retraining;

    @FXML private Label summaryText;
    @FXML private Label retrainingText;
    @FXML private LineChart<String, Number> aucChart;
    @FXML private LineChart<String, Number> slopeChart;
    @FXML private GridPane heatGrid;
    @FXML private TableView<Alert> alertTable;
    @FXML private TableColumn<Alert, String> periodColumn;
    @FXML private TableColumn<Alert, String> ruleColumn;
    @FXML private TableColumn<Alert, String> stateColumn;
    @FXML private TableColumn<Alert, String> messageColumn;
    @FXML private Button ackButton;

    public MonitoringController(MonitoringViewModel model, RetrainingViewModel retraining) {
        this.model = model;
        this.retraining = retraining;
    }

    public Parent load() {
        Parent root = Views.load("/com/outcomedesk/ui/monitoring/Monitoring.fxml", this);
        model.reload();
        retraining.reload();
        return root;
    }

    @FXML
    private void initialize() {
        summaryText.textProperty().bind(model.summaryProperty());
        retrainingText.textProperty().bind(retraining.latestTextProperty());
        model.points().addListener((ListChangeListener<MonitoringViewModel.Point>) c -> charts());
        model.heat().addListener((ListChangeListener<MonitoringViewModel.HeatCell>) c -> heatStrip());
        periodColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().period()));
        ruleColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().rule()));
        stateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().acknowledged()
                ? "seen by " + c.getValue().acknowledgedBy() + ", " + DateStyle.current().format(c.getValue().acknowledgedAt().toLocalDate())
                : "open"));
        messageColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().message()));
        alertTable.setItems(model.alerts());
        model.selectedAlertProperty().bind(alertTable.getSelectionModel().selectedItemProperty());
        ackButton.disableProperty().bind(model.canAcknowledgeProperty().not());
    }

    private void charts() {
        XYChart.Series<String, Number> live = new XYChart.Series<>(), low = new XYChart.Series<>(),
                high = new XYChart.Series<>(), activated = new XYChart.Series<>(), slope = new XYChart.Series<>(),
                ideal = new XYChart.Series<>();
        live.setName("Live AUC");
        low.setName("95% low");
        high.setName("95% high");
        activated.setName("Activated (CV)");
        slope.setName("Calibration slope");
        ideal.setName("Calibrated (1)");
        Double cv = model.activatedAuc();
        for (MonitoringViewModel.Point p : model.points()) {
            if (p.auc() != null) {
                live.getData().add(new XYChart.Data<>(p.period(), p.auc()));
                low.getData().add(new XYChart.Data<>(p.period(), p.aucLow()));
                high.getData().add(new XYChart.Data<>(p.period(), p.aucHigh()));
            }
            if (cv != null) activated.getData().add(new XYChart.Data<>(p.period(), cv));
            if (p.slope() != null) slope.getData().add(new XYChart.Data<>(p.period(), p.slope()));
            ideal.getData().add(new XYChart.Data<>(p.period(), 1));
        }
        // A category axis lists the months in the order the series bring them, so the series that has every month
        // goes first: with the live AUC first, its months (those with outcomes) came before all the others.
        aucChart.getData().setAll(List.of(activated, live, low, high));
        slopeChart.getData().setAll(List.of(ideal, slope));
        for (XYChart.Series<String, Number> s : List.of(live, low, high, slope)) {
            for (XYChart.Data<String, Number> d : s.getData()) {
                Tooltip.install(d.getNode(), new Tooltip(s.getName() + " " + d.getXValue() + ": "
                        + String.format(java.util.Locale.ROOT, "%.3f", d.getYValue().doubleValue())));
            }
        }
    }

    private void heatStrip() {
        heatGrid.getChildren().clear();
        List<String> features = model.features();
        List<String> periods = model.heat().stream().map(MonitoringViewModel.HeatCell::period).distinct().sorted().toList();
        for (int r = 0; r < features.size(); r++) heatGrid.add(new Label(features.get(r)), 0, r + 1);
        for (int c = 0; c < periods.size(); c++) {
            Label month = new Label(periods.get(c).substring(2));
            month.getStyleClass().add("heat-month");
            heatGrid.add(month, c + 1, 0);
        }
        for (MonitoringViewModel.HeatCell cell : model.heat()) {
            Region box = new Region();
            box.getStyleClass().addAll("heat-cell", "heat-" + cell.level());
            Tooltip.install(box, new Tooltip(cell.tooltip()));
            heatGrid.add(box, periods.indexOf(cell.period()) + 1, features.indexOf(cell.feature()) + 1);
        }
    }

    @FXML
    private void refresh() {
        model.reload();
        retraining.reload();
    }

    @FXML
    private void acknowledge() {
        model.acknowledgeSelected();
    }
}
