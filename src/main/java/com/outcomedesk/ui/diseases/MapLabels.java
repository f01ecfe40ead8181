package com.outcomedesk.ui.diseases;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;

/**
 * Which names the disease map can print beside its points: the boxes come most important first (the most-seen
 * disease), and a name is kept only when it lies wholly in the plot, covers no point and is clear of every name
 * kept before it, so the larger diseases are named first and the crowded small ones stay hover-only.
 */
final class MapLabels {
    private MapLabels() {
    }

    /** The indexes of the boxes to show, in the order given; points are the symbols' boxes no name may cover. */
    static List<Integer> fit(List<Rectangle2D> boxes, List<Rectangle2D> points, Rectangle2D plot) {
        List<Integer> kept = new ArrayList<>();
        List<Rectangle2D> placed = new ArrayList<>();
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle2D box = boxes.get(i);
            if (!plot.contains(box) || points.stream().anyMatch(box::intersects) || placed.stream().anyMatch(box::intersects)) {
                continue;
            }
            placed.add(box);
            kept.add(i);
        }
        return kept;
    }
}
