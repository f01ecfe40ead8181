package com.outcomedesk.ui.diseases;

import com.outcomedesk.insight.DiseasePoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javafx.beans.NamedArg;
import javafx.geometry.Bounds;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.chart.Axis;
import javafx.scene.chart.ScatterChart;
import javafx.scene.chart.XYChart;
import javafx.scene.text.Text;

/**
 * The map of diseases: a scatter chart that also prints each disease's name beside its point, so a reader sees
 * which disease is where without hovering; names that would overlap give way to the more-seen disease's.
 */
public final class DiseaseMapChart extends ScatterChart<Number, Number> {
    /** Room between a point's symbol and its name. */
    private static final double GAP = 4;
    private final List<Text> names = new ArrayList<>();

    public DiseaseMapChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        getPlotChildren().removeAll(names);
        names.clear();
        List<XYChart.Data<Number, Number>> points = new ArrayList<>();
        for (XYChart.Series<Number, Number> s : getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                if (d.getNode() != null && d.getExtraValue() instanceof DiseasePoint) points.add(d);
            }
        }
        points.sort(Comparator.comparingLong((XYChart.Data<Number, Number> d) -> ((DiseasePoint) d.getExtraValue()).appointments())
                .reversed());
        List<Text> texts = new ArrayList<>();
        List<Rectangle2D> boxes = new ArrayList<>();
        List<Rectangle2D> symbols = new ArrayList<>();
        for (XYChart.Data<Number, Number> d : points) {
            Text text = new Text(((DiseasePoint) d.getExtraValue()).disease());
            text.getStyleClass().add("map-name");
            text.setMouseTransparent(true);
            Node symbol = d.getNode();
            Bounds at = symbol.getBoundsInParent();
            symbols.add(new Rectangle2D(at.getMinX(), at.getMinY(), at.getWidth(), at.getHeight()));
            Bounds size = text.getLayoutBounds();
            double x = at.getMaxX() + GAP;
            double y = at.getMinY() + at.getHeight() / 2 - size.getHeight() / 2;
            text.relocate(x, y);
            texts.add(text);
            boxes.add(new Rectangle2D(x, y, size.getWidth(), size.getHeight()));
        }
        // The plot's children are laid out from the plot area's top-left corner, which the axes span.
        Rectangle2D within = new Rectangle2D(0, 0, getXAxis().getWidth(), getYAxis().getHeight());
        for (int i : MapLabels.fit(boxes, symbols, within)) names.add(texts.get(i));
        getPlotChildren().addAll(names);
    }
}
