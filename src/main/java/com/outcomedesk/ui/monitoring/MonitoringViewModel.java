package com.outcomedesk.ui.monitoring;

import com.outcomedesk.common.Actor;
import com.outcomedesk.monitor.Alert;
import com.outcomedesk.monitor.DriftFinding;
import com.outcomedesk.monitor.LivePerformance;
import com.outcomedesk.monitor.MonitorGrouping;
import com.outcomedesk.monitor.MonitorReport;
import com.outcomedesk.monitor.MonitorService;
import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Monitoring screen's state: one monitor run (in the background, shown in the status bar) turned into chart
 * points, heat-strip cells and the alert list; acknowledging the chosen alert; the open-alert text for the status bar.
 */
public final class MonitoringViewModel {
    /** One month on the charts: live AUC with its DeLong interval and the calibration slope (nulls where unmeasured). */
    public record Point(String period, long withOutcome, Double auc, Double aucLow, Double aucHigh, Double slope) {
    }

    /** One cell of the heat strip: how far the feature's drift is toward its threshold (1 = at it). */
    public record HeatCell(String feature, String period, double ratio, String level, String tooltip) {
    }

    private final MonitorService monitor;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final ObjectProperty<MonitorReport> report = new SimpleObjectProperty<>();
    private final ObservableList<Point> points = FXCollections.observableArrayList();
    private final ObservableList<HeatCell> heat = FXCollections.observableArrayList();
    private final ObservableList<String> features = FXCollections.observableArrayList();
    private final ObservableList<Alert> alerts = FXCollections.observableArrayList();
    private final ObjectProperty<Alert> selectedAlert = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("Checking the predictions against the outcomes recorded since...");
    private final StringProperty openAlertsText = new SimpleStringProperty("");
    private final BooleanBinding canAcknowledge = Bindings.createBooleanBinding(
            () -> selectedAlert.get() != null && !selectedAlert.get().acknowledged(), selectedAlert);

    public MonitoringViewModel(MonitorService monitor, Supplier<Actor> actor, Background background, Dialogs dialogs) {
        this.monitor = monitor;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        report.addListener((o, a, r) -> {
            if (r != null) show(r);
        });
    }

    /** Runs the monitor (which raises any new alerts). */
    public void reload() {
        background.run("Monitoring the model", p -> monitor.run(MonitorGrouping.MONTH, actor.get()), report::set,
                failure -> dialogs.error("Could not run the monitor", FailureSentences.describe(failure)));
    }

    /** Only the open-alert count, for the status bar at start (cheap: one count). */
    public void refreshOpenAlerts() {
        background.load(p -> monitor.openAlerts(), n -> openAlertsText.set(openText(n)), failure -> openAlertsText.set(""));
    }

    public void acknowledgeSelected() {
        Alert chosen = selectedAlert.get();
        if (chosen == null || chosen.acknowledged()) return;
        background.load(p -> {
            monitor.acknowledge(chosen.id(), actor.get());
            return monitor.alerts();
        }, this::showAlerts, failure -> dialogs.error("Could not acknowledge the alert", FailureSentences.describe(failure)));
    }

    /** The alerts again, without running the monitor (one read): one was raised or settled elsewhere (a backup). */
    public void refreshAlerts() {
        background.load(p -> monitor.alerts(), this::showAlerts, failure -> openAlertsText.set(""));
    }

    private void showAlerts(List<Alert> list) {
        alerts.setAll(list);
        openAlertsText.set(openText(list.stream().filter(a -> !a.acknowledged()).count()));
    }

    private void show(MonitorReport r) {
        List<Point> ps = new ArrayList<>();
        for (LivePerformance p : r.periods()) {
            ps.add(new Point(p.period(), p.withOutcome(), p.auc() == null ? null : p.auc().value(),
                    p.auc() == null ? null : p.auc().low(), p.auc() == null ? null : p.auc().high(),
                    p.calibrationSlope() == null ? null : p.calibrationSlope().value()));
        }
        points.setAll(ps);
        Set<String> names = new LinkedHashSet<>();
        List<HeatCell> cells = new ArrayList<>();
        for (DriftFinding d : r.drift()) {
            names.add(d.feature());
            cells.add(cell(d, r.thresholds()));
        }
        features.setAll(names);
        heat.setAll(cells);
        alerts.setAll(r.alerts());
        openAlertsText.set(openText(r.openAlerts()));
        summary.set(summaryText(r));
    }

    static HeatCell cell(DriftFinding d, MonitoringSettings.Thresholds t) {
        double ratio = d.psi() != null ? d.psi() / t.psi() : d.unseenShare() == null ? 0 : d.unseenShare() / t.unseenTokens();
        String level = d.flagged() ? "drift" : ratio >= 0.5 ? "watch" : "stable";
        String measure = d.psi() != null ? String.format(Locale.ROOT, "PSI %.3f (alert above %s)", d.psi(), t.psi())
                : d.unseenShare() == null ? "no text measured"
                : String.format(Locale.ROOT, "%.1f%% unseen tokens (alert above %.0f%%)", 100 * d.unseenShare(), 100 * t.unseenTokens());
        String terms = d.newTerms().isEmpty() ? "" : "\nNew terms: " + String.join(", ", d.newTerms());
        return new HeatCell(d.feature(), d.period(), ratio, level, d.feature() + ", " + d.period() + " against "
                + d.reference() + ": " + measure + terms);
    }

    static String summaryText(MonitorReport r) {
        LivePerformance all = r.overall();
        String live = all.auc() == null ? "no live AUC yet (outcomes of predicted appointments are needed)"
                : String.format(Locale.ROOT, "live AUC %.3f (95%% %.3f-%.3f) over %,d outcomes", all.auc().value(),
                all.auc().low(), all.auc().high(), all.withOutcome());
        String activated = r.activated().cvAuc() == null ? "no model version is active"
                : String.format(Locale.ROOT, "version %d was activated with cross-validated AUC %.3f", r.activated().version(),
                r.activated().cvAuc());
        return String.format(Locale.ROOT, "%,d predictions saved, %,d with an outcome now: %s; %s.", all.predictions(),
                all.withOutcome(), live, activated);
    }

    static String openText(long open) {
        return open == 0 ? "" : open == 1 ? "1 monitoring alert" : open + " monitoring alerts";
    }

    public Double activatedAuc() {
        return report.get() == null ? null : report.get().activated().cvAuc();
    }

    public ReadOnlyObjectProperty<MonitorReport> reportProperty() { return report; }
    public ObservableList<Point> points() { return points; }
    public ObservableList<HeatCell> heat() { return heat; }
    public ObservableList<String> features() { return features; }
    public ObservableList<Alert> alerts() { return alerts; }
    public ObjectProperty<Alert> selectedAlertProperty() { return selectedAlert; }
    public ReadOnlyStringProperty summaryProperty() { return summary; }
    public ReadOnlyStringProperty openAlertsTextProperty() { return openAlertsText; }
    public BooleanBinding canAcknowledgeProperty() { return canAcknowledge; }
}
