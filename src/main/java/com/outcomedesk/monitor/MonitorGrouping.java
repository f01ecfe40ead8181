package com.outcomedesk.monitor;

import com.outcomedesk.store.MonitorRepository;
import java.util.Locale;
import java.util.Map;

/** How {@code monitor --by} groups predictions within each month. */
public enum MonitorGrouping {
    MONTH(MonitorRepository.By.MONTH), SITE(MonitorRepository.By.SITE), DOCTOR(MonitorRepository.By.DOCTOR),
    MODEL(MonitorRepository.By.MODEL);

    private final MonitorRepository.By column;

    MonitorGrouping(MonitorRepository.By column) {
        this.column = column;
    }

    MonitorRepository.By column() {
        return column;
    }

    /** The group a tally's raw value names (null when grouping by month only); {@code versions}: id to number. */
    String group(String raw, Map<String, Integer> versions) {
        return switch (this) {
            case MONTH -> null;
            case SITE -> raw;
            case DOCTOR -> raw == null ? "(no doctor)" : raw;
            case MODEL -> raw == null ? "store baseline" : versions.containsKey(raw) ? "version " + versions.get(raw)
                    : "version " + raw;
        };
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses "month", "site", "doctor" or "model". */
    public static MonitorGrouping of(String text) {
        for (MonitorGrouping g : values()) if (g.code().equalsIgnoreCase(text.strip())) return g;
        throw new IllegalArgumentException("Group by month, site, doctor or model, not '" + text + "'.");
    }
}
