package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.MonitorRepository;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AlertRulesTest {
    private static final MonitoringSettings.Thresholds T = MonitoringSettings.Thresholds.DEFAULTS;
    private static final OffsetDateTime NOW = OffsetDateTime.of(2026, 6, 15, 12, 0, 0, 0, ZoneOffset.UTC);
    private static final MonitorReport.Activated V3 = new MonitorReport.Activated(3, "logreg", NOW.minusMonths(6), 0.80, 0.7);

    private static LivePerformance month(long withOutcome, Estimate auc, Estimate slope, long fallback) {
        return new LivePerformance("2026-05", null, 500, withOutcome, fallback, auc, null, null, null, slope, null,
                List.of(), Map.of());
    }

    private static List<String> rules(LivePerformance p, Optional<MonitorRepository.Span> span, Optional<OffsetDateTime> lastOutcome) {
        return AlertRules.evaluate(List.of(p), List.of(), V3, T, span, lastOutcome, NOW).stream()
                .map(AlertRules.Raised::rule).toList();
    }

    @Test
    void aConfidentAucDropBelowTheActivatedFigureRaisesAnAlertAndANoisyOneDoesNot() {
        assertThat(rules(month(300, new Estimate(0.62, 0.55, 0.69, "DeLong"), null, 0), Optional.empty(), Optional.empty()))
                .containsExactly("auc");
        // 0.72 is below 0.80 - 0.05, but the interval reaches 0.79: not confident
        assertThat(rules(month(300, new Estimate(0.72, 0.65, 0.79, "DeLong"), null, 0), Optional.empty(), Optional.empty()))
                .isEmpty();
        // too few outcomes to judge
        assertThat(rules(month(20, new Estimate(0.5, 0.3, 0.6, "DeLong"), null, 0), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void aCalibrationSlopeConfidentlyBelowOneByTheMarginRaisesAnAlert() {
        assertThat(rules(month(300, null, new Estimate(0.4, 0.3, 0.6, "Wald"), 0), Optional.empty(), Optional.empty()))
                .containsExactly("calibration");
        assertThat(rules(month(300, null, new Estimate(0.6, 0.4, 0.8, "Wald"), 0), Optional.empty(), Optional.empty()))
                .isEmpty();
    }

    @Test
    void fallbackAnswersRaiseAnAlert() {
        assertThat(rules(month(0, null, null, 7), Optional.empty(), Optional.empty())).containsExactly("fallback");
    }

    @Test
    void noOutcomesForLongerThanTheAllowedDaysWhilePredictingRaisesAnAlert() {
        var span = Optional.of(new MonitorRepository.Span(NOW.minusDays(90), NOW.minusDays(1)));
        assertThat(rules(month(0, null, null, 0), span, Optional.of(NOW.minusDays(45)))).containsExactly("no-outcomes");
        assertThat(rules(month(0, null, null, 0), span, Optional.of(NOW.minusDays(10)))).isEmpty();
        // a stream younger than the allowed days cannot be missing its outcomes yet
        var young = Optional.of(new MonitorRepository.Span(NOW.minusDays(5), NOW.minusDays(1)));
        assertThat(rules(month(0, null, null, 0), young, Optional.empty())).isEmpty();
        // nor can one that stopped predicting
        var stopped = Optional.of(new MonitorRepository.Span(NOW.minusDays(400), NOW.minusDays(200)));
        assertThat(rules(month(0, null, null, 0), stopped, Optional.empty())).isEmpty();
    }

    @Test
    void aStoreWithoutAGoodBackupForLongerThanTheAllowedDaysRaisesAnAlertForTheDay() {
        var never = AlertRules.backup(Optional.empty(), true, T, NOW);
        assertThat(never).map(AlertRules.Raised::rule).contains("no-backup");
        assertThat(never.get().period()).isEqualTo("2026-06-15");
        assertThat(never.get().message()).contains("never been backed up");
        var old = AlertRules.backup(Optional.of(NOW.minusDays(3)), true, T, NOW);
        assertThat(old).map(AlertRules.Raised::message).hasValueSatisfying(m -> assertThat(m).contains("since 2026-06-12"));
        assertThat(AlertRules.backup(Optional.of(NOW.minusDays(2)), true, T, NOW)).as("exactly the allowed days").isPresent();
        assertThat(AlertRules.backup(Optional.of(NOW.minusDays(2).plusMinutes(1)), true, T, NOW)).isEmpty();
        // an empty store has nothing to lose; 0 days turns the rule off
        assertThat(AlertRules.backup(Optional.empty(), false, T, NOW)).isEmpty();
        assertThat(AlertRules.backup(Optional.empty(), true, T.with("backupDays", "0"), NOW)).isEmpty();
        assertThat(AlertRules.backup(Optional.of(NOW.minusDays(6)), true, T.with("backupDays", "7"), NOW)).isEmpty();
    }

    @Test
    void thresholdsAreCheckedWhenChanged() {
        assertThat(T.with("psi", "0.3").psi()).isEqualTo(0.3);
        assertThat(T.with("minOutcomes", "80").minOutcomes()).isEqualTo(80);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> T.with("psy", "1")).hasMessageContaining("psi, ksAlpha");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> T.with("ksAlpha", "2")).hasMessageContaining("from 0 to 1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> T.with("minOutcomes", "2.5")).hasMessageContaining("whole");
    }
}
