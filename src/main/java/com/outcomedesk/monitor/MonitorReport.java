package com.outcomedesk.monitor;

import com.outcomedesk.settings.MonitoringSettings;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One run of the monitor: live performance per period (and group), the whole stream's, drift per period and feature,
 * every alert raised so far, the model the figures are compared with, and the thresholds in force.
 */
public record MonitorReport(MonitorGrouping by, Activated activated, List<LivePerformance> periods,
                            LivePerformance overall, List<DriftFinding> drift, List<Alert> alerts,
                            MonitoringSettings.Thresholds thresholds) {

    /** The active model and the cross-validated figures it was activated with; null fields when none is active. */
    public record Activated(Integer version, String algorithm, OffsetDateTime trainedAt, Double cvAuc, Double cvAccuracy) {
    }

    public long openAlerts() {
        return alerts.stream().filter(a -> !a.acknowledged()).count();
    }
}
