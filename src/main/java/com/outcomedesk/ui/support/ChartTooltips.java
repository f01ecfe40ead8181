package com.outcomedesk.ui.support;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.stage.Screen;
import javafx.util.Duration;

/**
 * Tooltips for chart points that stay whole on the screen and beside the point: the default placement (below and
 * right of the mouse, nudged back by the window system at best) cut them off at the screen edge or put them over
 * the point being read.
 */
public final class ChartTooltips {
    private static final double GAP = 8;

    private ChartTooltips() {
    }

    /** Installs a tooltip on a chart point that shows quickly and is placed by {@link #place}. */
    public static Tooltip install(Node point, String text) {
        Tooltip tip = new Tooltip(text);
        tip.setShowDelay(Duration.millis(200));
        tip.setOnShown(e -> {
            Bounds anchor = point.localToScreen(point.getBoundsInLocal());
            if (anchor == null) return;
            Rectangle2D screen = Screen.getScreensForRectangle(anchor.getMinX(), anchor.getMinY(), 1, 1).stream()
                    .findFirst().orElse(Screen.getPrimary()).getVisualBounds();
            Point2D at = place(tip.getWidth(), tip.getHeight(), anchor, screen);
            tip.setX(at.getX());
            tip.setY(at.getY());
        });
        Tooltip.install(point, tip);
        return tip;
    }

    /**
     * Where a popup of the given size goes: right of and below the anchor when it fits, else left of or above it,
     * and in any case inside the screen.
     */
    public static Point2D place(double width, double height, Bounds anchor, Rectangle2D screen) {
        double x = anchor.getMaxX() + GAP;
        if (x + width > screen.getMaxX()) x = anchor.getMinX() - GAP - width;
        double y = anchor.getMaxY() + GAP;
        if (y + height > screen.getMaxY()) y = anchor.getMinY() - GAP - height;
        return new Point2D(clamp(x, screen.getMinX(), screen.getMaxX() - width), clamp(y, screen.getMinY(), screen.getMaxY() - height));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(v, max));
    }
}
