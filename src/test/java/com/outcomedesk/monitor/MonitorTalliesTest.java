package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor counts in the database, in 0.001-wide probability buckets: its figures against the same figures worked
 * out from every row's exact probability. Counts and accuracy are exact, the Brier score to 1e-8; AUC and calibration move by
 * no more than the bucket width allows.
 */
class MonitorTalliesTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void theBucketedFiguresMatchTheExactOnes() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorStream.write(engine, dir, ADMIN, 6, 400, 4, 21);
            Scores exact = new Scores();
            engine.database().withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT p.probability, p.risk_tier, "
                        + "o.label FROM predictions p JOIN appointments a ON a.id = p.appointment_id "
                        + "LEFT JOIN outcome_categories o ON o.code = a.outcome_category")) {
                    while (rs.next()) {
                        String label = rs.getString(3);
                        exact.add(rs.getDouble(1), rs.getString(2), label == null ? null : label.equals("worse"), false);
                    }
                }
                return null;
            });
            LivePerformance want = exact.performance("all", null);
            LivePerformance got = engine.monitor().run(MonitorGrouping.MONTH, ADMIN).overall();

            assertThat(got.predictions()).isEqualTo(want.predictions()).isEqualTo(2400);
            assertThat(got.withOutcome()).isEqualTo(want.withOutcome());
            assertThat(got.brier().value()).isCloseTo(want.brier().value(), within(1e-8));
            assertThat(got.brier().high()).isCloseTo(want.brier().high(), within(1e-8));
            assertThat(got.accuracy().value()).isEqualTo(want.accuracy().value());
            assertThat(got.tierMix()).isEqualTo(want.tierMix());
            assertThat(got.auc().value()).isCloseTo(want.auc().value(), within(1e-3));
            assertThat(got.auc().low()).isCloseTo(want.auc().low(), within(1e-3));
            assertThat(got.calibrationSlope().value()).isCloseTo(want.calibrationSlope().value(), within(1e-2));
            assertThat(got.calibration()).hasSameSizeAs(want.calibration());
        }
    }
}
