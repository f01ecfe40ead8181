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
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the monitor: the database counts the saved predictions and their outcomes into tallies per month, group and
 * probability bucket (one grouped pass; rows never travel), from which come live performance per month (and group)
 * and the distributions drift is measured on; the rule set then raises any new alerts, each audited.
 */
public final class MonitorService {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorService.class);
    private static final DateTimeFormatter BACKUP_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);
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
        TreeMap<String, Scores> months = new TreeMap<>();
        Map<List<String>, Scores> groups = new TreeMap<>((a, b) -> {
            int c = a.get(0).compareTo(b.get(0));
            return c != 0 ? c : a.get(1).compareTo(b.get(1));
        });
        Scores overall = new Scores();
        Map<String, Integer> versions = by == MonitorGrouping.MODEL ? rows.versionNumbers() : Map.of();
        MonitorRepository.Tallies tallies = rows.tallies(by.column());
        Map<Integer, String> monthNames = new java.util.HashMap<>();
        for (MonitorRepository.Tally tally : tallies.tallies()) {
            String month = monthNames.computeIfAbsent(tally.month(), MonitorService::month);
            double key = (tally.bucket() + 0.5) / MonitorRepository.BUCKETS;
            overall.add(key, tally);
            months.computeIfAbsent(month, m -> new Scores()).add(key, tally);
            if (by != MonitorGrouping.MONTH) {
                groups.computeIfAbsent(List.of(month, by.group(tally.group(), versions)), k -> new Scores()).add(key, tally);
            }
        }
        Map<String, Map<String, Long>> doctorMix = new TreeMap<>();
        for (MonitorRepository.MonthCount c : rows.doctorMixByMonth()) {
            doctorMix.computeIfAbsent(month(c.month()), m -> new LinkedHashMap<>()).put(c.key(), c.count());
        }
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
                Optional.ofNullable(tallies.lastOutcome()), now)) {
            raise(r, now, actor);
        }
        checkBackups(actor);
        return new MonitorReport(by, activated, periods, overall.performance("all", null), drift, alerts(), t);
    }

    /**
     * Raises the "no-backup" alert when the store has had no good backup for longer than allowed, and settles each open
     * one that a good backup made since it was raised answers (acknowledged in the backup's name, audited), whatever
     * the threshold is now, so that making the backup the alert asks for clears it. Cheap, so the desktop and the
     * server call it each time they look whether a scheduled backup is due and after a backup, not only when the
     * monitor runs. True when an alert was raised or settled now.
     */
    public boolean checkBackups(Actor actor) {
        OffsetDateTime now = stamper.now();
        Optional<OffsetDateTime> last = backups.last().map(StoreBackup.Last::at);
        boolean settled = last.isPresent() && settle(last.get(), now, actor);
        boolean raised = AlertRules.backup(last, appointments.count(AppointmentFilter.NONE) > 0, settings.thresholds(), now)
                .map(r -> raise(r, now, actor)).orElse(false);
        return settled || raised;
    }

    /**
     * {@link #checkBackups} right after a backup is made, which it may settle an alert for. The backup stands whatever
     * happens here, so a failure is logged, not thrown: the next look of the timer or the monitor settles it.
     */
    public void afterBackup(Actor actor) {
        try {
            checkBackups(actor);
        } catch (RuntimeException e) {
            LOG.warn("A backup was made, but the alert it answers could not be settled ({}); the monitor settles it on "
                    + "its next look", e.getMessage());
        }
    }

    private boolean settle(OffsetDateTime backup, OffsetDateTime now, Actor actor) {
        String by = "the backup of " + BACKUP_TIME.format(backup);
        boolean any = false;
        for (AlertRepository.StoredAlert a : alerts.open(AlertRules.NO_BACKUP)) {
            if (!a.raisedAt().isAfter(backup) && alerts.acknowledge(a.id(), by, now)) {
                audit.record(actor, "monitor-alert-settled", "monitor_alert", a.rule() + "/" + a.period() + "/"
                        + a.subject(), "by " + by);
                any = true;
            }
        }
        return any;
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

    /** "YYYY-MM" of a month given as YYYYMM. */
    static String month(int yyyymm) {
        return String.format(java.util.Locale.ROOT, "%04d-%02d", yyyymm / 100, yyyymm % 100);
    }

    /** The first day of the month named "YYYY-MM". */
    static LocalDate start(String month) {
        return LocalDate.parse(month + "-01");
    }
}
