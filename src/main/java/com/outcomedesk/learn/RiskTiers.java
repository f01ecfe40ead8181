package com.outcomedesk.learn;

import com.outcomedesk.store.SettingsRepository;
import java.util.Locale;

/** Low/medium/high risk from the calibrated probability of worse: below {@code medium} is low, from {@code high} up is high. */
public record RiskTiers(double medium, double high) {
    static final String SETTING = "learn.risk_cutoffs";
    public static final RiskTiers DEFAULT = new RiskTiers(0.25, 0.5);

    public RiskTiers {
        if (!(medium > 0 && medium < high && high < 1)) {
            throw new IllegalArgumentException("Risk cut-offs must satisfy 0 < medium < high < 1, e.g. 0.25,0.5");
        }
    }

    public String tier(double probability) {
        return probability >= high ? "high" : probability >= medium ? "medium" : "low";
    }

    /** Parses "0.25,0.5". */
    public static RiskTiers parse(String text) {
        String[] parts = text.split(",");
        if (parts.length != 2) throw new IllegalArgumentException("Risk cut-offs are two probabilities 'medium,high', e.g. 0.25,0.5");
        try {
            return new RiskTiers(Double.parseDouble(parts[0].strip()), Double.parseDouble(parts[1].strip()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Risk cut-offs are two probabilities 'medium,high', e.g. 0.25,0.5");
        }
    }

    static RiskTiers from(SettingsRepository settings) {
        return settings.get(SETTING).map(RiskTiers::parse).orElse(DEFAULT);
    }

    String format() {
        return String.format(Locale.ROOT, "%s,%s", medium, high);
    }
}
