package com.outcomedesk.monitor;

import com.outcomedesk.store.MonitorRepository;
import java.util.Locale;

/** How {@code monitor --by} groups predictions within each month. */
public enum MonitorGrouping {
    MONTH, SITE, DOCTOR, MODEL;

    /** The group of a prediction (null when grouping by month only). */
    String group(MonitorRepository.Scored s) {
        return switch (this) {
            case MONTH -> null;
            case SITE -> s.siteId();
            case DOCTOR -> s.doctorId() == null ? "(no doctor)" : s.doctorId();
            case MODEL -> s.modelVersion() == null ? "store baseline" : "version " + s.modelVersion();
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
