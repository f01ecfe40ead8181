package com.outcomedesk.ui.doctors;

import com.outcomedesk.insight.Outlier;
import java.util.List;
import java.util.Objects;

/**
 * What a chart of doctors against control limits shows, as plain data: the ViewModel builds it (and tests read
 * it), {@link ControlLimitChart} draws it. The funnel plot and the case-mix plot differ only in these values.
 *
 * @param betterName legend name of the doctors flagged better
 * @param worseName  legend name of the doctors flagged worse
 * @param centreName legend name of the line nobody is expected to deviate from
 * @param limits     in increasing x, so each limit is drawn as one curve
 */
public record ControlLimits(List<Point> points, List<Limit> limits, String betterName, String worseName, String centreName) {

    /** One doctor's point; {@code outlier} is null for a doctor who does not stand out. */
    public record Point(String doctorId, double x, double y, Outlier outlier, String tip) {
    }

    /** The 95% and 99.8% limits and the centre line at one x. */
    public record Limit(double x, double lower95, double upper95, double lower998, double upper998, double centre) {
    }

    /** The points of the doctors with this flag (null: those without one), in the order given. */
    public List<Point> points(Outlier outlier) {
        return points.stream().filter(p -> Objects.equals(p.outlier(), outlier)).toList();
    }
}
