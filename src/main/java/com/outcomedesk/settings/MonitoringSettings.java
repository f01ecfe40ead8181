package com.outcomedesk.settings;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.SettingsRepository;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The monitor's alert thresholds: defaults until an administrator changes one (audited). */
public final class MonitoringSettings {
    private static final String PREFIX = "monitor.";

    /**
     * The thresholds. {@code psi}: drift alert above this population stability index (0.2: the common "shift" line).
     * {@code ksAlpha}: the predicted probability's drift also needs a two-sample test below this p-value.
     * {@code unseenTokens}: text drift when more than this share of a period's tokens never occurred in training.
     * {@code aucMargin}: alert when live AUC is this far below the cross-validated AUC the model was activated with.
     * {@code slopeMargin}: alert when the calibration slope is this far below 1. {@code minOutcomes},
     * {@code minPredictions}: a period is judged only with this many outcomes (performance) or predictions (drift).
     * {@code staleDays}: alert when predictions are being made but no outcome has been recorded for this many days.
     * {@code backupDays}: alert when a store holding appointments has had no good backup for this many days (2: a
     * daily schedule that missed a run; 0 turns the alert off, e.g. for a server backed up by WAL archiving).
     */
    public record Thresholds(double psi, double ksAlpha, double unseenTokens, double aucMargin, double slopeMargin,
                             int minOutcomes, int minPredictions, int staleDays, int backupDays) {
        public static final Thresholds DEFAULTS = new Thresholds(0.2, 0.01, 0.1, 0.05, 0.3, 50, 100, 30, 2);

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("psi", psi);
            m.put("ksAlpha", ksAlpha);
            m.put("unseenTokens", unseenTokens);
            m.put("aucMargin", aucMargin);
            m.put("slopeMargin", slopeMargin);
            m.put("minOutcomes", minOutcomes);
            m.put("minPredictions", minPredictions);
            m.put("staleDays", staleDays);
            m.put("backupDays", backupDays);
            return m;
        }

        /** This with one threshold changed; the name is one of {@link #asMap()}'s keys. */
        public Thresholds with(String name, String value) {
            Map<String, Object> m = asMap();
            if (!m.containsKey(name)) {
                throw new IllegalArgumentException("There is no monitoring threshold '" + name + "'; the thresholds are "
                        + String.join(", ", m.keySet()) + ".");
            }
            double v;
            try {
                v = Double.parseDouble(value.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("The threshold " + name + " must be a number, not '" + value + "'.");
            }
            boolean whole = m.get(name) instanceof Integer;
            boolean probability = name.equals("ksAlpha") || name.equals("unseenTokens") || name.equals("aucMargin");
            if (!(v >= 0) || (whole && (v != Math.rint(v) || v > 1_000_000)) || (probability && v > 1) || v > 1000) {
                throw new IllegalArgumentException("The threshold " + name + " must be " + (whole ? "a whole number from 0"
                        : probability ? "from 0 to 1" : "a number from 0") + ", not '" + value + "'.");
            }
            m.put(name, whole ? (Object) (int) v : (Object) v);
            return new Thresholds((double) m.get("psi"), (double) m.get("ksAlpha"), (double) m.get("unseenTokens"),
                    (double) m.get("aucMargin"), (double) m.get("slopeMargin"), (int) m.get("minOutcomes"),
                    (int) m.get("minPredictions"), (int) m.get("staleDays"), (int) m.get("backupDays"));
        }
    }

    private final SettingsRepository settings;
    private final AuditTrail audit;

    public MonitoringSettings(SettingsRepository settings, AuditTrail audit) {
        this.settings = settings;
        this.audit = audit;
    }

    public Thresholds thresholds() {
        Thresholds t = Thresholds.DEFAULTS;
        for (String name : t.asMap().keySet()) {
            String stored = settings.get(PREFIX + name).orElse(null);
            if (stored != null) t = t.with(name, stored);
        }
        return t;
    }

    /** Changes one threshold (administrators only). */
    public Thresholds set(String name, String value, Actor actor) {
        actor.requireAdministrator("change the monitoring thresholds");
        Thresholds next = thresholds().with(name, value);
        String stored = String.valueOf(next.asMap().get(name)).toLowerCase(Locale.ROOT);
        settings.put(PREFIX + name, stored);
        audit.record(actor, "setting-change", "setting", PREFIX + name, "value=" + stored);
        return next;
    }
}
