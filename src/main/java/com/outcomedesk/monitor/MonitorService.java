package com.outcomedesk.monitor;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.backup.StoreBackup;
import com.outcomedesk.common.Actor;
import com.outcomedesk.errors.InvalidRequestException;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.AlertRepository;
import com.outcomedesk.store.AppointmentFilter;
import com.outcomedesk.store.AppointmentRepository;
import com.outcomedesk.store.ChangeStamper;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.MonitorRepository;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Runs the monitor: one streaming pass over the saved predictions and their outcomes builds live performance per
 * month (and group) and the distributions drift is measured on; the rule set then raises any new alerts, each audited.
 */
public final class MonitorService {
    /** The field name of an alert's id in refusals. */
    public static final String ALERT = "alert";

    private final MonitorRepository rows;
    private final AlertRepository alerts;
    private final ModelRegistry models;
    private final MonitoringSettings settings;
    private final ChangeStamper stamper;
    private final AuditTrail audit;
    private final StoreBackup backups;
    private final AppointmentRepository appointments;

    public MonitorService(Database database, ModelRegistry models, MonitoringSettings settings, ChangeStamper stamper,
                          AuditTrail audit, StoreBackup backups) {
        this.rows = new MonitorRepository(database);
        this.alerts = new AlertRepository(database);
        this.backups = backups;
        this.appointments = new AppointmentRepository(database);
        this.models = models;
        this.settings = settings;
        this.stamper = stamper;
        this.audit = audit;
    }

    /** Measures everything and raises the alerts the rules find (new ones only), as {@code actor}. */
    public MonitorReport run(MonitorGrouping by, Actor actor) {
        MonitoringSettings.Thresholds t = settings.thresholds();
        Map<String, Scores> months = new TreeMap<>();
        Map<List<String>, Scores> groups = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        Map<String, Map<String, Long>> doctorMix = new TreeMap<>();
        Scores overall = new Scores();
        rows.forEachScored(s -> {
            String month = s.date().toString().substring(0, 7);
            boolean fallback = s.answeredBy() != null && s.answeredBy().contains("(");
            overall.add(s.probability(), s.riskTier(), s.worse(), fallback);
            months.computeIfAbsent(month, m -> new Scores()).add(s.probability(), s.riskTier(), s.worse(), fallback);
            if (by != MonitorGrouping.MONTH) {
                groups.computeIfAbsent(List.of(month, by.group(s)), k -> new Scores())
                        .add(s.probability(), s.riskTier(), s.worse(), fallback);
            }
            doctorMix.computeIfAbsent(month, m -> new LinkedHashMap<>())
                    .merge(s.doctorId() == null ? "(no doctor)" : s.doctorId(), 1L, Long::sum);
        });
        List<LivePerformance> monthly = new ArrayList<>();
        months.forEach((m, s) -> monthly.add(s.performance(m, null)));
        List<LivePerformance> periods = new ArrayList<>();
        if (by == MonitorGrouping.MONTH) periods.addAll(monthly);
        else groups.forEach((k, s) -> periods.add(s.performance(k.get(0), k.get(1))));

        Optional<ModelVersionInfo> active = models.active();
        MonitorReport.Activated activated = active.map(v -> new MonitorReport.Activated(v.version(), v.algorithm(),
                v.trainedAt(), v.auc(), v.accuracy())).orElse(new MonitorReport.Activated(null, null, null, null, null));
        List<DriftFinding> drift = new DriftMeasure(rows, t).measure(months, doctorMix, activated.trainedAt());

        OffsetDateTime now = stamper.now();
        for (AlertRules.Raised r : AlertRules.evaluate(monthly, drift, activated, t, rows.predictionSpan(),
                rows.lastOutcomeRecorded(), now)) {
            raise(r, now, actor);
        }
        checkBackups(actor);
        return new MonitorReport(by, activated, periods, overall.performance("all", null), drift, alerts(), t);
    }

    /**
     * Raises the "no-backup" alert when the store has had no good backup for longer than allowed. Cheap, so the
     * desktop and the server call it each time they look whether a scheduled backup is due, not only when the monitor
     * runs. True when an alert was raised now.
     */
    public boolean checkBackups(Actor actor) {
        OffsetDateTime now = stamper.now();
        return AlertRules.backup(backups.last().map(StoreBackup.Last::at), appointments.count(AppointmentFilter.NONE) > 0,
                settings.thresholds(), now).map(r -> raise(r, now, actor)).orElse(false);
    }

    private boolean raise(AlertRules.Raised r, OffsetDateTime now, Actor actor) {
        if (!alerts.raise(r.rule(), r.period(), r.subject(), r.message(), now, stamper.siteId())) return false;
        audit.record(actor, "monitor-alert", "monitor_alert", r.rule() + "/" + r.period() + "/" + r.subject(), r.message());
        return true;
    }

    /** Every alert raised so far, the newest period first. */
    public List<Alert> alerts() {
        return alerts.list().stream().map(MonitorService::alert).toList();
    }

    public long openAlerts() {
        return alerts.openCount();
    }

    /**
     * Acknowledges an alert, recording who and when (audited). An alert already acknowledged keeps its first
     * acknowledgement and is returned as it is, so acknowledging twice (or two people at once) is harmless.
     */
    public Alert acknowledge(UUID id, Actor actor) {
        AlertRepository.StoredAlert stored = alerts.find(id).orElseThrow(() -> InvalidRequestException.notFound(ALERT, id));
        if (alerts.acknowledge(id, actor.name(), stamper.now())) {
            audit.record(actor, "monitor-alert-ack", "monitor_alert", stored.rule() + "/" + stored.period() + "/"
                    + stored.subject(), "id=" + id);
        }
        return alert(alerts.find(id).orElseThrow());
    }

    private static Alert alert(AlertRepository.StoredAlert a) {
        return new Alert(a.id(), a.rule(), a.period(), a.subject(), a.message(), a.raisedAt(), a.acknowledgedAt() != null,
                a.acknowledgedBy(), a.acknowledgedAt());
    }

    /** The first day of the month named "YYYY-MM". */
    static LocalDate start(String month) {
        return LocalDate.parse(month + "-01");
    }
}
