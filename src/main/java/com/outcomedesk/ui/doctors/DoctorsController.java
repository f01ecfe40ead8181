package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.ChartTooltips;
import com.outcomedesk.ui.support.Views;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.PieChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Tab;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** Binds the doctors screen: ranking table, funnel plot, weighted scores with IQR fences, outcome mix. */
public final class DoctorsController {
    private final DoctorsViewModel model;
    private final FencedBarChart scoresChart = new FencedBarChart(new CategoryAxis(), new NumberAxis());
    private final ObservableList<DoctorRow> rows = FXCollections.observableArrayList();

    @FXML private ChoiceBox<RankingMethod> methodChoice;
    @FXML private Label summaryText;
    @FXML private TableView<DoctorRow> ranking;
    @FXML private TableColumn<DoctorRow, Integer> rankColumn;
    @FXML private TableColumn<DoctorRow, String> doctorColumn;
    @FXML private TableColumn<DoctorRow, Long> casesColumn;
    @FXML private TableColumn<DoctorRow, Double> scoreColumn;
    @FXML private TableColumn<DoctorRow, Double> rateColumn;
    @FXML private TableColumn<DoctorRow, String> outlierColumn;
    @FXML private PieChart mixChart;
    @FXML private VBox mixLegend;
    @FXML private ControlLimitChart funnelChart;
    @FXML private NumberAxis funnelRateAxis;
    @FXML private VBox scoresBox;
    @FXML private Label rankingPlaceholder;
    @FXML private Tab caseMixTab;
    @FXML private Button caseMixButton;
    @FXML private ProgressIndicator caseMixProgress;
    @FXML private Label caseMixText;
    @FXML private ControlLimitChart caseMixChart;

    public DoctorsController(DoctorsViewModel model) {
        this.model = model;
    }

    public Parent load() {
        return Views.load("/com/outcomedesk/ui/doctors/Doctors.fxml", this);
    }

    @FXML
    private void initialize() {
        methodChoice.setItems(FXCollections.observableArrayList(RankingMethod.values()));
        methodChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(RankingMethod m) {
                return m == null ? "" : DoctorsViewModel.methodLabel(m);
            }

            @Override
            public RankingMethod fromString(String text) {
                return DoctorsViewModel.methodOf(text);
            }
        });
        rankingPlaceholder.textProperty().bind(model.emptyTextProperty());
        methodChoice.valueProperty().bindBidirectional(model.methodProperty());
        // Cells hold the values and only show them formatted, so a click on a header sorts numbers as numbers.
        SortedTables.column(rankColumn, DoctorRow::rank, String::valueOf);
        SortedTables.column(doctorColumn, DoctorRow::doctorId, v -> v);
        SortedTables.column(casesColumn, DoctorRow::cases, DoctorsViewModel::cases);
        SortedTables.column(scoreColumn, DoctorRow::weightedScore, DoctorsViewModel::score);
        SortedTables.column(rateColumn, DoctorRow::worseRate, DoctorsViewModel::rate);
        SortedTables.column(outlierColumn, r -> DoctorsViewModel.outlierText(r.outlier()), v -> v);
        SortedTables.show(ranking, rows);
        mixChart.setLabelsVisible(false); // the legend names each slice with its count and share; labels piled up on reload
        ranking.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DoctorRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll(DoctorsViewModel.ROW_STYLES);
                if (!empty) DoctorsViewModel.rowStyle(item).ifPresent(getStyleClass()::add);
            }
        });
        model.selectedProperty().bind(ranking.getSelectionModel().selectedItemProperty());
        model.selectedProperty().addListener((o, a, r) -> showMix(r));
        scoresChart.setTitle(DoctorsViewModel.SCORES_TITLE);
        scoresChart.setLegendVisible(false);
        scoresChart.setAnimated(false);
        scoresChart.setCategoryGap(2);
        VBox.setVgrow(scoresChart, Priority.ALWAYS);
        scoresBox.getChildren().add(scoresChart);
        funnelRateAxis.setAutoRanging(false);
        funnelRateAxis.setLowerBound(0); // a rate axis from the start, not 0 to 100 (10,000%) while the ranking loads
        funnelRateAxis.setUpperBound(1);
        funnelRateAxis.setTickUnit(0.1);
        funnelRateAxis.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number rate) {
                return DoctorsViewModel.rateTick(rate.doubleValue(), funnelRateAxis.getTickUnit());
            }

            @Override
            public Number fromString(String text) {
                return DoctorsViewModel.rateOfTick(text);
            }
        });
        summaryText.textProperty().bind(model.summaryProperty());
        funnelChart.setOnDoctorClicked(this::selectDoctor);
        model.funnelAxisProperty().addListener((o, a, axis) -> showFunnelAxis(axis));
        model.funnelProperty().addListener((o, a, funnel) -> funnelChart.show(funnel));
        model.scoreBarsProperty().addListener((o, a, scores) -> showScores(scores));
        model.reportProperty().addListener((o, a, r) -> show(r));
        caseMixProgress.visibleProperty().bind(model.caseMixLoadingProperty());
        caseMixButton.disableProperty().bind(model.caseMixLoadingProperty());
        caseMixText.textProperty().bind(model.caseMixSummaryProperty());
        model.caseMixChartProperty().addListener((o, a, chart) -> caseMixChart.show(chart));
        caseMixTab.setOnSelectionChanged(e -> {
            if (caseMixTab.isSelected() && model.caseMixProperty().get() == null) model.loadCaseMix();
        });
        model.reload();
    }

    @FXML
    private void adjustForCaseMix() {
        model.loadCaseMix();
    }

    private void show(DoctorReport r) {
        rows.setAll(r == null ? List.of() : r.rows());
        if (!rows.isEmpty()) ranking.getSelectionModel().selectFirst();
    }

    private void showFunnelAxis(DoctorsViewModel.RateAxis axis) {
        funnelRateAxis.setLowerBound(axis.lower());
        funnelRateAxis.setUpperBound(axis.upper());
        funnelRateAxis.setTickUnit(axis.tick());
    }

    private void selectDoctor(String doctorId) {
        rows.stream().filter(r -> r.doctorId().equals(doctorId)).findFirst().ifPresent(ranking.getSelectionModel()::select);
    }

    private void showScores(DoctorsViewModel.ScoreBars scores) {
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        for (DoctorsViewModel.ScoreBar b : scores.bars()) bars.getData().add(new XYChart.Data<>(b.doctorId(), b.score(), b));
        scoresChart.getData().setAll(List.of(bars));
        ((CategoryAxis) scoresChart.getXAxis()).setTickLabelsVisible(scores.namesFit());
        scoresChart.setFences(scores.lowerFence(), scores.upperFence());
        for (XYChart.Data<String, Number> d : bars.getData()) {
            DoctorsViewModel.ScoreBar b = (DoctorsViewModel.ScoreBar) d.getExtraValue();
            d.getNode().getStyleClass().add(b.styleClass());
            ChartTooltips.install(d.getNode(), b.tip());
        }
    }

    /** Replaces the slices in one step, so the chart lays them out once; slices and legend are coloured by CSS class. */
    private void showMix(DoctorRow r) {
        mixChart.setTitle(DoctorsViewModel.mixTitle(r));
        List<DoctorsViewModel.MixSlice> mix = DoctorsViewModel.mix(r);
        List<PieChart.Data> slices = mix.stream().map(m -> new PieChart.Data(m.label(), m.count())).toList();
        mixChart.setData(FXCollections.observableArrayList(slices));
        for (int i = 0; i < slices.size(); i++) slices.get(i).getNode().getStyleClass().add(mix.get(i).styleClass());
        mixLegend.getChildren().setAll(mix.stream().map(DoctorsController::legendItem).toList());
    }

    private static Label legendItem(DoctorsViewModel.MixSlice slice) {
        Region symbol = new Region();
        symbol.getStyleClass().addAll("pie-legend-symbol", slice.styleClass());
        Label item = new Label(slice.label(), symbol);
        item.getStyleClass().add("mix-legend-item");
        return item;
    }
}
