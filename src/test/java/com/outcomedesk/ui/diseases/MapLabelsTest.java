package com.outcomedesk.ui.diseases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

/** Which disease names the map prints: from hand-made boxes, no screen. */
class MapLabelsTest {
    private static final Rectangle2D PLOT = new Rectangle2D(0, 0, 400, 300);

    @Test
    void namesThatOverlapGiveWayToTheMoreImportantOneGivenFirst() {
        List<Rectangle2D> names = List.of(new Rectangle2D(10, 10, 80, 14), new Rectangle2D(50, 15, 80, 14),
                new Rectangle2D(10, 40, 80, 14));
        assertThat(MapLabels.fit(names, List.of(), PLOT)).containsExactly(0, 2);
    }

    @Test
    void aNameLeavingThePlotOrCoveringAPointIsNotPrinted() {
        List<Rectangle2D> names = List.of(new Rectangle2D(350, 10, 80, 14), new Rectangle2D(10, 100, 80, 14),
                new Rectangle2D(10, 200, 80, 14));
        List<Rectangle2D> points = List.of(new Rectangle2D(40, 104, 8, 8));
        assertThat(MapLabels.fit(names, points, PLOT)).containsExactly(2);
    }

    @Test
    void namesClearOfEachOtherAreAllPrinted() {
        List<Rectangle2D> names = List.of(new Rectangle2D(10, 10, 80, 14), new Rectangle2D(10, 30, 80, 14),
                new Rectangle2D(200, 10, 80, 14));
        assertThat(MapLabels.fit(names, List.of(), PLOT)).containsExactly(0, 1, 2);
    }
}
