package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.Calibration;
import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.Interval;
import com.outcomedesk.learn.Metric;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The models dashboard's chart data, from hand-made versions and evaluations: no screen, no store. */
class ModelChartsTest {
    private static ModelVersionInfo version(int n, Double auc, Double accuracy, Double f1) {
        return new ModelVersionInfo(null, n, "logreg", "retired", "admin", null, null, 400L, 5, null, auc, accuracy, f1);
    }

    private static Evaluation.CandidateResult candidate(String name, double auc, long[][] confusion) {
        return new Evaluation.CandidateResult(name, name, Map.of(Metric.AUC, new Interval(auc, auc - 0.02, auc + 0.02)), confusion, 10, "folds");
    }

    @Test
    void versionsPlotEachKnownMetricAndLeaveGapsWhereAVersionHasNone() {
        ModelCharts.Versions chart = ModelCharts.versions(List.of(version(1, 0.71, 0.65, null), version(3, 0.78, 0.7, 0.6)));
        assertThat(chart.series()).containsExactly(
                new ModelCharts.Series("accuracy", List.of(new ModelCharts.Point(1, 0.65), new ModelCharts.Point(3, 0.7))),
                new ModelCharts.Series("F1", List.of(new ModelCharts.Point(3, 0.6))),
                new ModelCharts.Series("AUC", List.of(new ModelCharts.Point(1, 0.71), new ModelCharts.Point(3, 0.78))));
        assertThat(chart.lastVersion()).isEqualTo(3);
        assertThat(ModelCharts.versions(List.of()).lastVersion()).as("an axis even without versions").isEqualTo(1);
        assertThat(chart.axisUpper() - 3).as("as much room after the last version as before the first")
                .isCloseTo(1 - chart.axisLower(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void theVersionAxisOfASingleVersionReachesPastOneTickUnit() {
        ModelCharts.Versions one = ModelCharts.versions(List.of(version(1, 0.71, 0.65, 0.6)));
        // NumberAxis puts a tick on 1 only when lower + 1 < upper.
        assertThat(one.axisLower() + 1).isLessThan(one.axisUpper());
        assertThat(one.axisLower()).isGreaterThan(0);
    }

    @Test
    void theEvaluationGivesRocCalibrationAblationAndAConfusionMatrixShadedByShareOfTheActualRow() {
        long[][] confusion = {{30, 10}, {0, 0}};
        Evaluation e = new Evaluation(40, 10, 5, 1, 7, "logreg", List.of(candidate("logreg", 0.8125, confusion)),
                List.of(candidate("without notes", 0.7, confusion), candidate("notes only", 0.6, confusion)), null,
                List.of(new double[] {0, 0}, new double[] {0.25, 0.75}, new double[] {1, 1}),
                List.of(new Evaluation.CalibrationBin(0, 0.1, 0, 0, 0, 0), new Evaluation.CalibrationBin(0.1, 0.2, 12, 0.14, 0.15, 0.2)),
                new Calibration(1, 0), List.of());
        ModelCharts.EvaluationCharts charts = ModelCharts.evaluation(e);
        ModelCharts.Series diagonal = new ModelCharts.Series("chance", List.of(new ModelCharts.Point(0, 0), new ModelCharts.Point(1, 1)));
        assertThat(charts.roc()).containsExactly(new ModelCharts.Series("logreg (AUC 0.813)", List.of(new ModelCharts.Point(0, 0),
                new ModelCharts.Point(0.25, 0.75), new ModelCharts.Point(1, 1))), diagonal);
        assertThat(charts.calibration()).as("empty bins left out").containsExactly(
                new ModelCharts.Series("calibrated model", List.of(new ModelCharts.Point(0.15, 0.2))),
                new ModelCharts.Series("perfect calibration", diagonal.points()));
        assertThat(charts.ablation()).containsExactly(new ModelCharts.Bar("without notes", 0.7), new ModelCharts.Bar("notes only", 0.6));

        List<ModelCharts.Cell> cells = charts.confusion();
        assertThat(cells).extracting(ModelCharts.Cell::text).containsExactly("actual \\ predicted", "predicted better",
                "predicted worse", "actual better", String.format("%,d%n%.0f%%", 30, 75.0), String.format("%,d%n%.0f%%", 10, 25.0),
                "actual worse", String.format("%,d%n%.0f%%", 0, 0.0), String.format("%,d%n%.0f%%", 0, 0.0));
        ModelCharts.Cell betterAsBetter = cells.get(4);
        assertThat(List.of(betterAsBetter.column(), betterAsBetter.row())).containsExactly(1, 1);
        assertThat(betterAsBetter.shade()).isEqualTo(0.15 + 0.7 * 0.75);
        assertThat(cells.get(5).shade()).isEqualTo(0.15 + 0.7 * 0.25);
        assertThat(cells.get(7).shade()).as("an empty row is shaded lightly, not blank").isEqualTo(0.15);
        assertThat(cells.get(0).shade()).as("headers are not shaded").isZero();
    }
}
