package com.outcomedesk.monitor;

import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.MonitorRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The rule set: drift above threshold, live AUC below the activated cross-validated figure by a margin, a
 * calibration slope below 1 by a margin (both judged on the upper end of their 95% interval), answers from a fallback model, no outcome recorded for a number of
 * days while predictions are being made, and no good backup for a number of days. Pure: the same findings always raise
 * the same alerts.
 */
final class AlertRules {
    private AlertRules() {
    }

    static final String NO_BACKUP = "no-backup";

    /** An alert to raise: its key (rule, period, subject) and why. */
    record Raised(String rule, String period, String subject, String message) {
    }

    static List<Raised> evaluate(List<LivePerformance> months, List<DriftFinding> drift, MonitorReport.Activated activated,
                                 MonitoringSettings.Thresholds t, Optional<MonitorRepository.Span> predictions,
                                 Optional<OffsetDateTime> lastOutcome, OffsetDateTime now) {
        List<Raised> raised = new ArrayList<>();
        for (DriftFinding d : drift) {
            if (!d.flagged()) continue;
            String measure = d.psi() != null ? String.format(Locale.ROOT, "PSI %.3f above %s", d.psi(), t.psi())
                    : String.format(Locale.ROOT, "%.1f%% of tokens unseen in training, above %.1f%%", 100 * d.unseenShare(),
                    100 * t.unseenTokens());
            raised.add(new Raised("drift", d.period(), d.feature(), "Drift in " + d.feature() + " in " + d.period()
                    + " against " + d.reference() + ": " + measure + "."));
        }
        for (LivePerformance p : months) {
            if (p.fallback() > 0) {
                raised.add(new Raised("fallback", p.period(), "answers", String.format(Locale.ROOT,
                        "%d of %d predictions in %s were answered by a fallback, not the active model.", p.fallback(),
                        p.predictions(), p.period())));
            }
            if (p.withOutcome() < t.minOutcomes()) continue;
            // Judged on the interval's upper end, so a small month's sampling noise is not a drop: a stable stream
            // checked every month for two years would otherwise raise one by chance.
            if (p.auc() != null && activated.cvAuc() != null && p.auc().high() < activated.cvAuc() - t.aucMargin()) {
                raised.add(new Raised("auc", p.period(), "auc", String.format(Locale.ROOT,
                        "Live AUC %.3f (95%% %.3f-%.3f, %d outcomes) in %s is confidently more than %s below the %.3f "
                                + "version %d was activated with.", p.auc().value(), p.auc().low(), p.auc().high(), p.withOutcome(), p.period(),
                        t.aucMargin(), activated.cvAuc(), activated.version())));
            }
            if (p.calibrationSlope() != null && p.calibrationSlope().high() < 1 - t.slopeMargin()) {
                raised.add(new Raised("calibration", p.period(), "slope", String.format(Locale.ROOT,
                        "Calibration slope %.2f (95%% %.2f-%.2f) in %s is confidently more than %s below 1: predictions "
                                + "are too extreme.",
                        p.calibrationSlope().value(), p.calibrationSlope().low(), p.calibrationSlope().high(), p.period(),
                        t.slopeMargin())));
            }
        }
        // Outcomes take weeks to arrive: only a stream predicting for longer than the allowed days can be missing them.
        boolean predicting = predictions.isPresent() && ChronoUnit.DAYS.between(predictions.get().last(), now) <= t.staleDays()
                && ChronoUnit.DAYS.between(predictions.get().first(), now) > t.staleDays();
        boolean stale = lastOutcome.isEmpty() || ChronoUnit.DAYS.between(lastOutcome.get(), now) > t.staleDays();
        if (predicting && stale) {
            raised.add(new Raised("no-outcomes", LocalDate.from(now).toString().substring(0, 7), "outcomes",
                    lastOutcome.map(at -> "No outcome of a predicted appointment has been recorded since "
                            + at.toLocalDate() + " (" + t.staleDays() + " days allowed); predictions continue.")
                            .orElse("No outcome of a predicted appointment has been recorded yet; import or record outcomes.")));
        }
        return raised;
    }

    /**
     * No good backup for longer than {@code backupDays} of a store that holds appointments. Its period is the day it is
     * found, so an acknowledged alert comes back the next day while backups are still missing.
     */
    static Optional<Raised> backup(Optional<OffsetDateTime> lastBackup, boolean holdsAppointments,
                                   MonitoringSettings.Thresholds t, OffsetDateTime now) {
        if (t.backupDays() == 0 || !holdsAppointments) return Optional.empty();
        if (lastBackup.isPresent() && lastBackup.get().isAfter(now.minusDays(t.backupDays()))) return Optional.empty();
        String message = lastBackup.map(at -> "No good backup has been made since " + at.toLocalDate() + " ("
                        + t.backupDays() + " days allowed); make one with File > Backup or 'backup', or check the schedule.")
                .orElse("This store has never been backed up; make a backup with File > Backup or 'backup', and "
                        + "schedule them with 'backup schedule'.");
        return Optional.of(new Raised(NO_BACKUP, LocalDate.from(now).toString(), "backup", message));
    }
}
