-- Alerts the monitor raised (drift, live performance below the activated figure, fallback answering, outcomes no
-- longer arriving). One row per rule, period and group, so running the monitor again never raises an alert twice;
-- acknowledging records who and when, and the alert stays for the audit of what was seen.
CREATE TABLE monitor_alerts (
    id              UUID PRIMARY KEY,
    rule            VARCHAR(32) NOT NULL,
    period          VARCHAR(16) NOT NULL,
    subject         VARCHAR(200) NOT NULL,
    message         VARCHAR(1000) NOT NULL,
    raised_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    acknowledged_by VARCHAR(100),
    acknowledged_at TIMESTAMP WITH TIME ZONE,
    site_id         VARCHAR(64) NOT NULL
);
CREATE UNIQUE INDEX idx_monitor_alerts_key ON monitor_alerts (rule, period, subject);
CREATE INDEX idx_monitor_alerts_open ON monitor_alerts (acknowledged_at);
