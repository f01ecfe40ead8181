package com.outcomedesk.documents;

import com.outcomedesk.monitor.Alert;
import com.outcomedesk.monitor.DriftFinding;
import com.outcomedesk.monitor.Estimate;
import com.outcomedesk.monitor.LivePerformance;
import com.outcomedesk.monitor.MonitorReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The monitor document ({@code monitor --json}, {@code GET /api/v1/monitor}): {@code periods} (each with its figures
 * as plain numbers and their 95% intervals under {@code intervals}), {@code drift}, {@code alerts}, the activated model
 * and the thresholds. Unmeasurable figures are null, never a made-up number.
 */
public final class MonitorDocuments {
    private MonitorDocuments() {
    }

    public static Map<String, Object> monitor(MonitorReport r) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("by", r.by().code());
        doc.put("activated", r.activated());
        doc.put("overall", period(r.overall()));
        doc.put("periods", r.periods().stream().map(MonitorDocuments::period).toList());
        doc.put("drift", r.drift().stream().map(MonitorDocuments::drift).toList());
        doc.put("alerts", alerts(r.alerts()));
        doc.put("openAlerts", r.openAlerts());
        doc.put("thresholds", r.thresholds().asMap());
        return doc;
    }

    public static List<Map<String, Object>> alerts(List<Alert> alerts) {
        return alerts.stream().map(MonitorDocuments::alert).toList();
    }

    public static Map<String, Object> alert(Alert a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", a.id());
        m.put("rule", a.rule());
        m.put("period", a.period());
        m.put("subject", a.subject());
        m.put("message", a.message());
        m.put("raisedAt", a.raisedAt());
        m.put("acknowledged", a.acknowledged());
        m.put("acknowledgedBy", a.acknowledgedBy());
        m.put("acknowledgedAt", a.acknowledgedAt());
        return m;
    }

    private static Map<String, Object> period(LivePerformance p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", p.period());
        if (p.group() != null) m.put("group", p.group());
        m.put("predictions", p.predictions());
        m.put("withOutcome", p.withOutcome());
        m.put("fallback", p.fallback());
        m.put("auc", value(p.auc()));
        m.put("accuracy", value(p.accuracy()));
        m.put("brier", value(p.brier()));
        m.put("observedWorseRate", value(p.observedWorseRate()));
        m.put("calibrationSlope", value(p.calibrationSlope()));
        m.put("calibrationIntercept", value(p.calibrationIntercept()));
        Map<String, Object> intervals = new LinkedHashMap<>();
        intervals.put("auc", interval(p.auc()));
        intervals.put("accuracy", interval(p.accuracy()));
        intervals.put("brier", interval(p.brier()));
        intervals.put("observedWorseRate", interval(p.observedWorseRate()));
        intervals.put("calibrationSlope", interval(p.calibrationSlope()));
        intervals.put("calibrationIntercept", interval(p.calibrationIntercept()));
        m.put("intervals", intervals);
        m.put("calibration", p.calibration().stream().map(d -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("decile", d.decile());
            c.put("cases", d.cases());
            c.put("meanPredicted", d.meanPredicted());
            c.put("observed", d.observed().value());
            c.put("interval", interval(d.observed()));
            return c;
        }).toList());
        Map<String, Object> tiers = new LinkedHashMap<>();
        p.tierMix().forEach((tier, e) -> {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("share", value(e));
            t.put("interval", interval(e));
            tiers.put(tier, t);
        });
        m.put("tierMix", tiers);
        return m;
    }

    private static Map<String, Object> drift(DriftFinding d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("period", d.period());
        m.put("feature", d.feature());
        m.put("psi", d.psi());
        m.put("flagged", d.flagged());
        m.put("reference", d.reference());
        m.put("predictions", d.n());
        m.put("ksStatistic", d.ksStatistic());
        m.put("pValue", d.pValue());
        m.put("unseenShare", d.unseenShare());
        m.put("newTerms", d.newTerms());
        return m;
    }

    private static Double value(Estimate e) {
        return e == null ? null : e.value();
    }

    private static Map<String, Object> interval(Estimate e) {
        if (e == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("low", e.low());
        m.put("high", e.high());
        m.put("method", e.method());
        return m;
    }
}
