package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.FunnelLimit;
import com.outcomedesk.insight.Outlier;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.ui.support.SortedTables;
import com.outcomedesk.ui.support.ChartTooltips;
import com.outcomedesk.ui.support.Views;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
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
    @FXML private LineChart<Number, Number> funnelChart;
    @FXML private NumberAxis funnelRateAxis;
    @FXML private VBox scoresBox;
    @FXML private Label rankingPlaceholder;
    @FXML private Tab caseMixTab;
    @FXML private Button caseMixButton;
    @FXML private ProgressIndicator caseMixProgress;
    @FXML private Label caseMixText;
    @FXML private LineChart<Number, Number> caseMixChart;

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
                return m == null ? "" : label(m);
            }

            @Override
            public RankingMethod fromString(String text) {
                for (RankingMethod m : RankingMethod.values()) if (label(m).equals(text)) return m;
                return null;
            }
        });
        rankingPlaceholder.textProperty().bind(model.emptyTextProperty());
        methodChoice.valueProperty().bindBidirectional(model.methodProperty());
        // Cells hold the values and only show them formatted, so a click on a header sorts numbers as numbers.
        SortedTables.column(rankColumn, DoctorRow::rank, String::valueOf);
        SortedTables.column(doctorColumn, DoctorRow::doctorId, v -> v);
        SortedTables.column(casesColumn, DoctorRow::cases, v -> String.format("%,d", v));
        SortedTables.column(scoreColumn, DoctorRow::weightedScore, v -> String.format(Locale.ROOT, "%.3f", v));
        SortedTables.column(rateColumn, DoctorRow::worseRate, v -> String.format(Locale.ROOT, "%.1f%%", v * 100));
        SortedTables.column(outlierColumn, r -> r.outlier() == null ? "" : r.outlier() == Outlier.GOOD ? "better" : "worse", v -> v);
        SortedTables.show(ranking, rows);
        mixChart.setLabelsVisible(false); // the legend names each slice with its count and share; labels piled up on reload
        ranking.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(DoctorRow item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().removeAll("outlier-good", "outlier-bad");
                if (!empty && item != null && item.outlier() != null) {
                    getStyleClass().add(item.outlier() == Outlier.GOOD ? "outlier-good" : "outlier-bad");
                }
            }
        });
        model.selectedProperty().bind(ranking.getSelectionModel().selectedItemProperty());
        model.selectedProperty().addListener((o, a, r) -> showMix(r));
        scoresChart.setTitle("Weighted score (average score x ln(cases + 1)) with IQR fences");
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
                return String.format(Locale.ROOT, funnelRateAxis.getTickUnit() < 0.01 ? "%.1f%%" : "%.0f%%", rate.doubleValue() * 100);
            }

            @Override
            public Number fromString(String text) {
                return Double.parseDouble(text.replace("%", "")) / 100;
            }
        });
        model.reportProperty().addListener((o, a, r) -> show(r));
        caseMixProgress.visibleProperty().bind(model.caseMixLoadingProperty());
        caseMixButton.disableProperty().bind(model.caseMixLoadingProperty());
        model.caseMixProperty().addListener((o, a, r) -> showCaseMix(r));
        caseMixTab.setOnSelectionChanged(e -> {
            if (caseMixTab.isSelected() && model.caseMixProperty().get() == null) model.loadCaseMix();
        });
        model.reload();
    }

    private static String label(RankingMethod m) {
        return switch (m) {
            case REFERENCE -> "Reference (weighted score)";
            case IQR -> "Weighted score, IQR fences";
            case ZSCORE -> "Weighted score, z-score";
            case FUNNEL -> "Funnel plot (rate of worse)";
        };
    }

    @FXML
    private void adjustForCaseMix() {
        model.loadCaseMix();
    }

    private void show(DoctorReport r) {
        rows.setAll(r.rows());
        long good = r.rows().stream().filter(x -> x.outlier() == Outlier.GOOD).count();
        long bad = r.rows().stream().filter(x -> x.outlier() == Outlier.BAD).count();
        summaryText.setText(String.format(Locale.ROOT,
                "%d doctors ranked by %s; overall rate of worse outcomes %.1f%%; %d stand out for better and %d for worse outcomes "
                        + "(doctors with fewer than %d cases are never flagged). IQR fences of the weighted score: %.2f and %.2f.",
                r.rows().size(), r.method().code(), r.overallRate() * 100, good, bad, r.minCases(),
                r.scores().lowerFence(), r.scores().upperFence()));
        showFunnel(r);
        showScores(r);
        if (!r.rows().isEmpty()) ranking.getSelectionModel().selectFirst();
    }

    private void showFunnel(DoctorReport r) {
        XYChart.Series<Number, Number> typical = series("doctors"), better = series("better outcomes"), worse = series("worse outcomes");
        for (DoctorRow d : r.rows()) {
            XYChart.Series<Number, Number> s = d.outlier() == Outlier.GOOD ? better : d.outlier() == Outlier.BAD ? worse : typical;
            s.getData().add(new XYChart.Data<>(d.cases(), d.worseRate(), d));
        }
        XYChart.Series<Number, Number> up95 = series("95% upper limit"), lo95 = series("95% lower limit"),
                up998 = series("99.8% upper limit"), lo998 = series("99.8% lower limit"), mean = series("overall rate");
        List<FunnelLimit> limits = new ArrayList<>(r.limits());
        limits.sort(Comparator.comparingLong(FunnelLimit::cases));
        for (FunnelLimit l : limits) {
            up95.getData().add(new XYChart.Data<>(l.cases(), l.upper95()));
            lo95.getData().add(new XYChart.Data<>(l.cases(), l.lower95()));
            up998.getData().add(new XYChart.Data<>(l.cases(), l.upper998()));
            lo998.getData().add(new XYChart.Data<>(l.cases(), l.lower998()));
            mean.getData().add(new XYChart.Data<>(l.cases(), r.overallRate()));
        }
        DoctorsViewModel.RateAxis axis = DoctorsViewModel.rateAxis(r);
        funnelRateAxis.setLowerBound(axis.lower());
        funnelRateAxis.setUpperBound(axis.upper());
        funnelRateAxis.setTickUnit(axis.tick());
        funnelChart.getData().setAll(List.of(typical, better, worse, up95, lo95, up998, lo998, mean));
        for (XYChart.Series<Number, Number> s : List.of(typical, better, worse)) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                DoctorRow row = (DoctorRow) d.getExtraValue();
                ChartTooltips.install(d.getNode(), DoctorsViewModel.funnelTip(row));
                d.getNode().setOnMouseClicked(e -> ranking.getSelectionModel().select(row));
            }
        }
    }

    private void showCaseMix(CaseMixAnalysis.Report r) {
        long good = r.rows().stream().filter(x -> x.outlier() == Outlier.GOOD).count();
        long bad = r.rows().stream().filter(x -> x.outlier() == Outlier.BAD).count();
        caseMixText.setText(String.format(Locale.ROOT, "Expected worse outcomes from %s, for each doctor's own patients "
                + "without any doctor's effect (scaled by %.3f so that expected equals the %,d observed). %d doctors have "
                + "fewer and %d more worse outcomes than expected beyond the 99.8%% limits (Holm-adjusted p < 0.05; "
                + "doctors with fewer than %d cases are not judged).", r.model(), r.scale(), r.observedWorse(), good, bad,
                r.minCases()));
        XYChart.Series<Number, Number> typical = series("doctors"), better = series("fewer worse than expected"),
                worse = series("more worse than expected"), up95 = series("95% upper limit"), lo95 = series("95% lower limit"),
                up998 = series("99.8% upper limit"), lo998 = series("99.8% lower limit"), one = series("as expected");
        List<CaseMixAnalysis.Row> byExpected = new ArrayList<>(r.rows());
        byExpected.sort(Comparator.comparingDouble(CaseMixAnalysis.Row::expectedWorse));
        for (CaseMixAnalysis.Row d : byExpected) {
            XYChart.Series<Number, Number> s = d.outlier() == Outlier.GOOD ? better : d.outlier() == Outlier.BAD ? worse : typical;
            s.getData().add(new XYChart.Data<>(d.expectedWorse(), d.ratio(), d));
            up95.getData().add(new XYChart.Data<>(d.expectedWorse(), d.upper95()));
            lo95.getData().add(new XYChart.Data<>(d.expectedWorse(), d.lower95()));
            up998.getData().add(new XYChart.Data<>(d.expectedWorse(), d.upper998()));
            lo998.getData().add(new XYChart.Data<>(d.expectedWorse(), d.lower998()));
            one.getData().add(new XYChart.Data<>(d.expectedWorse(), 1));
        }
        caseMixChart.getData().setAll(List.of(typical, better, worse, up95, lo95, up998, lo998, one));
        for (XYChart.Series<Number, Number> s : List.of(typical, better, worse)) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                CaseMixAnalysis.Row row = (CaseMixAnalysis.Row) d.getExtraValue();
                ChartTooltips.install(d.getNode(), String.format(Locale.ROOT,
                        "%s%n%,d cases, %,d worse outcomes where %,.1f were expected%nO/E %.2f%s", row.doctorId(), row.cases(),
                        row.observedWorse(), row.expectedWorse(), row.ratio(),
                        row.adjustedP() == null ? "" : String.format(Locale.ROOT, "%nHolm-adjusted p %.3g", row.adjustedP())));
            }
        }
    }

    private static XYChart.Series<Number, Number> series(String name) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        return s;
    }

    private void showScores(DoctorReport r) {
        XYChart.Series<String, Number> bars = new XYChart.Series<>();
        List<DoctorRow> byScore = new ArrayList<>(r.rows());
        byScore.sort(Comparator.comparingDouble(DoctorRow::weightedScore).reversed());
        for (DoctorRow d : byScore) bars.getData().add(new XYChart.Data<>(d.doctorId(), d.weightedScore(), d));
        scoresChart.getData().setAll(List.of(bars));
        ((CategoryAxis) scoresChart.getXAxis()).setTickLabelsVisible(byScore.size() <= 60);
        scoresChart.setFences(r.scores().lowerFence(), r.scores().upperFence());
        for (XYChart.Data<String, Number> d : bars.getData()) {
            DoctorRow row = (DoctorRow) d.getExtraValue();
            double score = row.weightedScore();
            String style = score > r.scores().upperFence() ? "bar-good" : score < r.scores().lowerFence() ? "bar-bad" : "bar-typical";
            d.getNode().getStyleClass().add(style);
            ChartTooltips.install(d.getNode(), String.format(Locale.ROOT, "%s: weighted score %.3f", row.doctorId(), score));
        }
    }

    /** Replaces the slices in one step, so the chart lays them out once. */
    private void showMix(DoctorRow r) {
        mixChart.setTitle(r == null ? "Outcome mix" : "Outcome mix of " + r.doctorId());
        List<DoctorsViewModel.MixSlice> mix = DoctorsViewModel.mix(r);
        List<PieChart.Data> slices = mix.stream().map(m -> new PieChart.Data(m.label(), m.count())).toList();
        mixChart.setData(FXCollections.observableArrayList(slices));
        for (int i = 0; i < slices.size(); i++) {
            // Colour by meaning, not by position: excellent green through critical red (colours in app.css).
            slices.get(i).getNode().setStyle("-fx-pie-color: -od-outcome-" + mix.get(i).category() + ";");
        }
        mixChart.lookupAll(".chart-legend-item").forEach(item -> {
            if (item instanceof Label l && l.getText() != null && l.getGraphic() != null) {
                l.getGraphic().getStyleClass().add("outcome-" + l.getText().split(":")[0]);
            }
        });
    }
}
