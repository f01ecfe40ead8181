package com.outcomedesk.ui.models;

import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/** What the models dashboard plots, as plain data the view turns into chart nodes (and tests read directly). */
public final class ModelCharts {
    private ModelCharts() {
    }

    public record Point(double x, double y) {
    }

    public record Series(String name, List<Point> points) {
    }

    /** A named bar, e.g. one ablation candidate and its AUC. */
    public record Bar(String name, double value) {
    }

    /** The metrics by version; {@code lastVersion} ends the axis (1 when there is none). */
    public record Versions(List<Series> series, int lastVersion) {
        /**
         * The version axis runs 0.6 past the first and the last version. JavaFX's NumberAxis puts whole ticks
         * between its bounds only when one tick unit past the lower bound is still inside them: with half a unit
         * each side, a single version (0.5 to 1.5) had no tick of its own and so no label.
         */
        public static final double AXIS_MARGIN = 0.6;

        public double axisLower() {
            return 1 - AXIS_MARGIN;
        }

        public double axisUpper() {
            return lastVersion + AXIS_MARGIN;
        }
    }

    /**
     * One cell of the confusion matrix grid; {@code share} is the count's share of its actual row, null for the
     * header cells, which are not shaded.
     */
    public record Cell(int column, int row, String text, Double share) {
        /** How strongly the cell is shaded in the accent colour: never blank, never quite solid. */
        public double shade() {
            return share == null ? 0 : 0.15 + 0.7 * share;
        }
    }

    /** The active model's evaluation: ROC with the chance line, calibration with the perfect line, ablation, confusion. */
    public record EvaluationCharts(List<Series> roc, List<Series> calibration, List<Bar> ablation, List<Cell> confusion) {
    }

    /** Accuracy, F1 and AUC by version; a version without a metric leaves a gap rather than a 0. */
    public static Versions versions(List<ModelVersionInfo> versions) {
        List<Series> series = List.of(metric("accuracy", versions, ModelVersionInfo::accuracy),
                metric("F1", versions, ModelVersionInfo::f1), metric("AUC", versions, ModelVersionInfo::auc));
        return new Versions(series, versions.stream().mapToInt(ModelVersionInfo::version).max().orElse(1));
    }

    private static Series metric(String name, List<ModelVersionInfo> versions, Function<ModelVersionInfo, Double> value) {
        List<Point> points = new ArrayList<>();
        for (ModelVersionInfo v : versions) if (value.apply(v) != null) points.add(new Point(v.version(), value.apply(v)));
        return new Series(name, points);
    }

    public static EvaluationCharts evaluation(Evaluation e) {
        Series roc = new Series(e.selected() + String.format(Locale.ROOT, " (AUC %.3f)", e.selectedResult().auc()),
                e.roc().stream().map(p -> new Point(p[0], p[1])).toList());
        Series calibrated = new Series("calibrated model", e.calibration().stream().filter(b -> b.count() > 0)
                .map(b -> new Point(b.meanCalibrated(), b.observed())).toList());
        List<Bar> ablation = e.ablation().stream().map(c -> new Bar(c.name(), c.auc())).toList();
        return new EvaluationCharts(List.of(roc, diagonal("chance")), List.of(calibrated, diagonal("perfect calibration")),
                ablation, confusion(e.selectedResult().confusion()));
    }

    private static Series diagonal(String name) {
        return new Series(name, List.of(new Point(0, 0), new Point(1, 1)));
    }

    /** confusion[actual][predicted], 0 = better, 1 = worse, under a header row and column. */
    static List<Cell> confusion(long[][] m) {
        String[] names = {"better", "worse"};
        List<Cell> cells = new ArrayList<>();
        cells.add(new Cell(0, 0, "actual \\ predicted", null));
        for (int j = 0; j < 2; j++) cells.add(new Cell(j + 1, 0, "predicted " + names[j], null));
        for (int i = 0; i < 2; i++) {
            cells.add(new Cell(0, i + 1, "actual " + names[i], null));
            long total = m[i][0] + m[i][1];
            for (int j = 0; j < 2; j++) {
                double share = total == 0 ? 0 : (double) m[i][j] / total;
                cells.add(new Cell(j + 1, i + 1, String.format("%,d%n%.0f%%", m[i][j], share * 100), share));
            }
        }
        return cells;
    }
}
