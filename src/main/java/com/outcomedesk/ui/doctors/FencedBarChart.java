package com.outcomedesk.ui.doctors;

import javafx.scene.chart.Axis;
import javafx.scene.chart.BarChart;
import javafx.scene.shape.Line;

/** A bar chart with two horizontal reference lines, used for the IQR fences of the weighted scores. */
public final class FencedBarChart extends BarChart<String, Number> {
    private final Line lower = fence("fence-lower");
    private final Line upper = fence("fence-upper");
    private double lowerValue = Double.NaN;
    private double upperValue = Double.NaN;

    public FencedBarChart(Axis<String> x, Axis<Number> y) {
        super(x, y);
        getPlotChildren().addAll(lower, upper);
    }

    private static Line fence(String style) {
        Line l = new Line();
        l.getStyleClass().addAll("fence", style);
        l.getStrokeDashArray().addAll(6.0, 4.0);
        l.setStrokeWidth(2);
        return l;
    }

    public void setFences(double lowerFence, double upperFence) {
        lowerValue = lowerFence;
        upperValue = upperFence;
        requestChartLayout();
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        place(lower, lowerValue);
        place(upper, upperValue);
    }

    private void place(Line line, double value) {
        double y = getYAxis().getDisplayPosition(value);
        boolean visible = !Double.isNaN(value) && y >= 0 && y <= getYAxis().getHeight();
        line.setVisible(visible);
        line.setStartX(0);
        line.setEndX(getXAxis().getWidth());
        line.setStartY(y);
        line.setEndY(y);
        line.toFront();
    }
}
