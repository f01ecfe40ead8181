package com.outcomedesk.cli;

import com.outcomedesk.documents.MonitorDocuments;
import com.outcomedesk.documents.RetrainDocuments;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.monitor.Alert;
import com.outcomedesk.monitor.DriftFinding;
import com.outcomedesk.monitor.Estimate;
import com.outcomedesk.monitor.LivePerformance;
import com.outcomedesk.monitor.MonitorGrouping;
import com.outcomedesk.monitor.MonitorReport;
import com.outcomedesk.settings.MonitoringSettings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "monitor", description = {"The model in use: saved predictions joined to the outcomes recorded since "
        + "(AUC, accuracy, Brier score, calibration and tier mix per month, with 95%% intervals) against the "
        + "cross-validated figures the model was activated with; drift of the predicted probability, doctor mix, "
        + "entities, follow-up interval, month and text; and the alerts raised.",
        "With --alerts, exits 3 while any alert is unacknowledged."})
final class MonitorCommand implements Callable<Integer> {
    static final int OPEN_ALERTS = 3;

    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Option(names = "--by", paramLabel = "GROUP", description = "Group each month's figures by month (default), site, doctor or model.")
    String by = "month";
    @Option(names = "--alerts", description = "Show only the alerts; exit 3 while any is unacknowledged.")
    boolean alertsOnly;
    @Option(names = "--ack", paramLabel = "ID", description = "Acknowledge this alert (its id from --alerts).")
    String ack;
    @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Change an alert threshold (administrators): "
            + "psi, ksAlpha, unseenTokens, aucMargin, slopeMargin, minOutcomes, minPredictions, staleDays, backupDays.")
    String set;

    @Override
    public Integer call() {
        MonitorGrouping grouping = MonitorGrouping.of(by);
        try (Engine engine = root.openEngine()) {
            var out = spec.commandLine().getOut();
            if (set != null) {
                int eq = set.indexOf('=');
                if (eq < 1) throw new IllegalArgumentException("Give a threshold as NAME=VALUE, e.g. --set psi=0.25.");
                MonitoringSettings.Thresholds t = engine.monitoringSettings().set(set.substring(0, eq).strip(),
                        set.substring(eq + 1), root.actor());
                json.print(out, t.asMap(), "Thresholds: " + t.asMap());
                return 0;
            }
            if (ack != null) {
                Alert a = engine.monitor().acknowledge(alertId(ack), root.actor());
                json.print(out, MonitorDocuments.alert(a), "Acknowledged by " + a.acknowledgedBy() + " at "
                        + a.acknowledgedAt() + ": " + a.message());
                return 0;
            }
            MonitorReport report = engine.monitor().run(grouping, root.actor());
            if (alertsOnly) {
                Map<String, Object> doc = new LinkedHashMap<>();
                doc.put("alerts", MonitorDocuments.alerts(report.alerts()));
                doc.put("openAlerts", report.openAlerts());
                json.print(out, doc, alerts(report.alerts()));
                return report.openAlerts() > 0 ? OPEN_ALERTS : 0;
            }
            var policy = engine.retraining().policy();
            var decisions = engine.retraining().decisions();
            Map<String, Object> doc = new LinkedHashMap<>(MonitorDocuments.monitor(report));
            doc.put("retraining", RetrainDocuments.retraining(policy, decisions));
            json.print(out, doc, human(report) + "\n\n" + RetrainCommand.human(policy, decisions));
            return 0;
        }
    }

    private static UUID alertId(String text) {
        try {
            return UUID.fromString(text.strip());
        } catch (IllegalArgumentException e) {
            throw InvalidRequestException.malformed("alert", text);
        }
    }

    static String human(MonitorReport r) {
        StringBuilder s = new StringBuilder();
        MonitorReport.Activated a = r.activated();
        s.append(a.version() == null ? "No model version is active; live figures are not compared with one."
                : String.format(Locale.ROOT, "Active: version %d (%s), cross-validated AUC %s, accuracy %s when activated.",
                a.version(), a.algorithm(), number(a.cvAuc()), number(a.cvAccuracy()))).append('\n');
        s.append(String.format(Locale.ROOT, "%-8s %-18s %8s %8s  %-22s %-22s %-22s %-22s %s%n", "period", "group",
                "predicted", "outcomes", "AUC (DeLong 95%)", "accuracy (Wilson)", "Brier (normal)", "calib. slope (Wald)",
                "tiers low/med/high"));
        for (LivePerformance p : r.periods()) s.append(row(p));
        s.append(row(r.overall()));
        List<DriftFinding> flagged = r.drift().stream().filter(DriftFinding::flagged).toList();
        s.append(String.format(Locale.ROOT, "%nDrift: %d measurements, %d above threshold.%n", r.drift().size(), flagged.size()));
        for (DriftFinding d : flagged) {
            s.append(String.format(Locale.ROOT, "  %s %s against %s: %s%s%n", d.period(), d.feature(), d.reference(),
                    d.psi() != null ? String.format(Locale.ROOT, "PSI %.3f", d.psi())
                            : String.format(Locale.ROOT, "%.1f%% unseen tokens", 100 * d.unseenShare()),
                    d.newTerms().isEmpty() ? "" : " (new terms: " + String.join(", ", d.newTerms()) + ")"));
        }
        s.append('\n').append(alerts(r.alerts()));
        return s.toString();
    }

    private static String row(LivePerformance p) {
        String tiers = p.tierMix().values().stream().map(e -> e == null ? "-" : String.format(Locale.ROOT, "%.0f%%", 100 * e.value()))
                .reduce((x, y) -> x + "/" + y).orElse("");
        return String.format(Locale.ROOT, "%-8s %-18s %8d %8d  %-22s %-22s %-22s %-22s %s%n", p.period(),
                p.group() == null ? "" : p.group(), p.predictions(), p.withOutcome(), est(p.auc()), est(p.accuracy()),
                est(p.brier()), est(p.calibrationSlope()), tiers);
    }

    private static String est(Estimate e) {
        return e == null ? "-" : String.format(Locale.ROOT, "%.3f (%.3f-%.3f)", e.value(), e.low(), e.high());
    }

    private static String number(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }

    static String alerts(List<Alert> alerts) {
        if (alerts.isEmpty()) return "No alerts.";
        StringBuilder s = new StringBuilder();
        long open = alerts.stream().filter(a -> !a.acknowledged()).count();
        s.append(String.format(Locale.ROOT, "Alerts: %d, %d unacknowledged.%n", alerts.size(), open));
        for (Alert a : alerts) {
            s.append(String.format(Locale.ROOT, "  %s %-11s %s %s%n", a.id(), a.rule(), a.acknowledged()
                    ? "[acknowledged by " + a.acknowledgedBy() + "]" : "[OPEN]", a.message()));
        }
        return s.toString().stripTrailing();
    }
}
