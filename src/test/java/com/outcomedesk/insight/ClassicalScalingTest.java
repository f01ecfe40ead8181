package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The plain-Java classical MDS behind the disease map: points of a plane come back with their distances. */
class ClassicalScalingTest {
    @Test
    void pointsOfAPlaneComeBackWithTheirDistances() {
        Random random = new Random(7);
        int n = 40;
        double[][] points = new double[n][2];
        for (double[] p : points) {
            p[0] = random.nextGaussian() * 3;
            p[1] = random.nextGaussian();
        }
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) d[i][j] = Math.hypot(points[i][0] - points[j][0], points[i][1] - points[j][1]);
        double[][] xy = ClassicalScaling.of(d);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                assertThat(Math.hypot(xy[i][0] - xy[j][0], xy[i][1] - xy[j][1])).isCloseTo(d[i][j], within(1e-6));
            }
        }
        double spreadX = 0, spreadY = 0;
        for (double[] p : xy) {
            spreadX += p[0] * p[0];
            spreadY += p[1] * p[1];
        }
        assertThat(spreadX).as("the first axis carries the most spread").isGreaterThan(spreadY);
    }

    @Test
    void threeCollinearPointsNeedOneAxis() {
        double[][] d = {{0, 1, 3}, {1, 0, 2}, {3, 2, 0}};
        double[][] xy = ClassicalScaling.of(d);
        assertThat(Math.abs(xy[2][0] - xy[0][0])).isCloseTo(3, within(1e-9));
        for (double[] p : xy) assertThat(p[1]).isCloseTo(0, within(1e-6));
    }
}
