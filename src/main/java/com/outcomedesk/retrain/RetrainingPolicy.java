package com.outcomedesk.retrain;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * When to train a challenger and what it must show to replace the champion.
 *
 * @param mode                 manual (never activates by itself), schedule (every {@code everyDays}) or alert (when a
 *                             drift or live-performance alert is open that was raised since the last run)
 * @param aucMargin            the challenger's holdout AUC must exceed the champion's by at least this much
 * @param calibrationTolerance its holdout calibration error may exceed the champion's by at most this much (sampling noise)
 * @param setBy                the administrator who last changed the policy; automatic runs act on their authority
 */
public record RetrainingPolicy(Mode mode, int everyDays, double aucMargin, double calibrationTolerance, String setBy) {
    public static final RetrainingPolicy DEFAULTS = new RetrainingPolicy(Mode.MANUAL, 30, 0.01, 0.01, null);

    /** The policy's kinds; {@code key} is how they are written in settings, on the command line and in JSON. */
    public enum Mode {
        MANUAL("manual"), SCHEDULE("schedule"), ALERT("on-alert");

        private final String key;

        Mode(String key) {
            this.key = key;
        }

        public String key() {
            return key;
        }

        /** Whether a run under this mode may activate a better challenger without an administrator. */
        public boolean activates() {
            return this != MANUAL;
        }

        public static Mode of(String text) {
            for (Mode m : values()) if (m.key.equalsIgnoreCase(text.strip())) return m;
            throw new IllegalArgumentException("The retraining mode must be manual, schedule or on-alert, not '" + text + "'.");
        }
    }

    /** The names {@link #with} accepts, with their current values as text. */
    public Map<String, String> asMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("mode", mode.key());
        m.put("everyDays", String.valueOf(everyDays));
        m.put("aucMargin", String.valueOf(aucMargin));
        m.put("calibrationTolerance", String.valueOf(calibrationTolerance));
        return m;
    }

    /** This policy with one setting changed; refuses a name or value that makes no sense, saying what would. */
    public RetrainingPolicy with(String name, String value) {
        String v = value == null ? "" : value.strip();
        return switch (name) {
            case "mode" -> new RetrainingPolicy(Mode.of(v), everyDays, aucMargin, calibrationTolerance, setBy);
            case "everyDays" -> new RetrainingPolicy(mode, days(v), aucMargin, calibrationTolerance, setBy);
            case "aucMargin" -> new RetrainingPolicy(mode, everyDays, fraction(name, v), calibrationTolerance, setBy);
            case "calibrationTolerance" -> new RetrainingPolicy(mode, everyDays, aucMargin, fraction(name, v), setBy);
            default -> throw new IllegalArgumentException("There is no retraining setting '" + name + "'; the settings are "
                    + String.join(", ", asMap().keySet()) + ".");
        };
    }

    public RetrainingPolicy setBy(String administrator) {
        return new RetrainingPolicy(mode, everyDays, aucMargin, calibrationTolerance, administrator);
    }

    /** One line, for decisions and the audit trail. */
    public String describe() {
        String when = switch (mode) {
            case MANUAL -> "manual (never activates by itself)";
            case SCHEDULE -> "every " + everyDays + " days";
            case ALERT -> "on a drift or performance alert";
        };
        return String.format(Locale.ROOT, "%s, AUC margin %.3f, calibration tolerance %.3f", when, aucMargin, calibrationTolerance);
    }

    private static int days(String v) {
        try {
            int d = Integer.parseInt(v);
            if (d >= 1 && d <= 3650) return d;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException("everyDays must be a whole number of days from 1 to 3650, not '" + v + "'.");
    }

    private static double fraction(String name, String v) {
        try {
            double d = Double.parseDouble(v);
            if (d >= 0 && d <= 0.5) return d;
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new IllegalArgumentException(name + " must be a number from 0 to 0.5, not '" + v + "'.");
    }
}
