package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.Outlier;
import com.outcomedesk.ui.support.ChartTooltips;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;
import javafx.beans.NamedArg;
import javafx.scene.chart.Axis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;

/**
 * Doctors as points against 95% and 99.8% control limits and a centre line. The series order is fixed (doctors,
 * better, worse, upper 95%, lower 95%, upper 99.8%, lower 99.8%, centre): app.css styles {@code .funnel} by it.
 */
public final class ControlLimitChart extends LineChart<Number, Number> {
    private Consumer<String> onDoctorClicked = id -> { };

    public ControlLimitChart(@NamedArg("xAxis") Axis<Number> xAxis, @NamedArg("yAxis") Axis<Number> yAxis) {
        super(xAxis, yAxis);
        getStyleClass().add("funnel");
    }

    /** Called with the doctor id of a clicked point. */
    public void setOnDoctorClicked(Consumer<String> action) {
        onDoctorClicked = action;
    }

    public void show(ControlLimits c) {
        List<XYChart.Series<Number, Number>> doctors = List.of(points("doctors", c.points(null)),
                points(c.betterName(), c.points(Outlier.GOOD)), points(c.worseName(), c.points(Outlier.BAD)));
        List<XYChart.Series<Number, Number>> all = new ArrayList<>(doctors);
        all.add(line("95% upper limit", c.limits(), ControlLimits.Limit::upper95));
        all.add(line("95% lower limit", c.limits(), ControlLimits.Limit::lower95));
        all.add(line("99.8% upper limit", c.limits(), ControlLimits.Limit::upper998));
        all.add(line("99.8% lower limit", c.limits(), ControlLimits.Limit::lower998));
        all.add(line(c.centreName(), c.limits(), ControlLimits.Limit::centre));
        getData().setAll(all);
        // Nodes exist only once the series are in the chart.
        for (XYChart.Series<Number, Number> s : doctors) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                ControlLimits.Point p = (ControlLimits.Point) d.getExtraValue();
                ChartTooltips.install(d.getNode(), p.tip());
                d.getNode().setOnMouseClicked(e -> onDoctorClicked.accept(p.doctorId()));
            }
        }
    }

    private static XYChart.Series<Number, Number> points(String name, List<ControlLimits.Point> points) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (ControlLimits.Point p : points) s.getData().add(new XYChart.Data<>(p.x(), p.y(), p));
        return s;
    }

    private static XYChart.Series<Number, Number> line(String name, List<ControlLimits.Limit> limits,
                                                       ToDoubleFunction<ControlLimits.Limit> y) {
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        for (ControlLimits.Limit l : limits) s.getData().add(new XYChart.Data<>(l.x(), y.applyAsDouble(l)));
        return s;
    }
}
