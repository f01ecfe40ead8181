package com.outcomedesk.retrain;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.monitor.Alert;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which alert sets off a run under the on-alert policy. */
class TriggeringAlertTest {
    private static final OffsetDateTime RUN = OffsetDateTime.of(2024, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    private static Alert alert(String rule, String period, OffsetDateTime raised, boolean acknowledged) {
        return new Alert(UUID.randomUUID(), rule, period, "x", "m", raised, acknowledged, acknowledged ? "a" : null,
                acknowledged ? raised : null);
    }

    @Test
    void withoutAnEarlierRunAnyOpenDriftOrPerformanceAlertTriggers() {
        Alert drift = alert("drift", "2024-04", RUN, false);
        assertThat(RetrainingService.triggeringAlert(List.of(drift, alert("fallback", "2024-05", RUN.plusDays(1), false)), null))
                .contains(drift);
        assertThat(RetrainingService.triggeringAlert(List.of(alert("auc", "2024-04", RUN, true)), null)).isEmpty();
    }

    @Test
    void afterARunOnlyAnAlertAboutALaterMonthTriggers() {
        Alert seen = alert("drift", "2024-05", RUN.minusHours(1), false);
        Alert rejudged = alert("auc", "2024-05", RUN.plusHours(1), false);
        assertThat(RetrainingService.triggeringAlert(List.of(seen, rejudged), RUN)).isEmpty();
        Alert later = alert("calibration", "2024-06", RUN.plusDays(3), false);
        assertThat(RetrainingService.triggeringAlert(List.of(seen, rejudged, later), RUN)).contains(later);
    }
}
