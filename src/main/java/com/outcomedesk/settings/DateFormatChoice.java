package com.outcomedesk.settings;

import java.util.Arrays;
import java.util.Locale;

/** How the desktop app writes and reads dates; ISO (2025-03-15) is always accepted when typing. */
public enum DateFormatChoice {
    LOCALE("locale", "The computer's language and region"),
    ISO("iso", "2025-03-15 (ISO)"),
    DAY_FIRST("day-first", "15/03/2025 (day first)"),
    MONTH_FIRST("month-first", "03/15/2025 (month first)");

    private final String code;
    private final String label;

    DateFormatChoice(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** The stored form. */
    public String code() { return code; }

    /** What a person chooses from. */
    public String label() { return label; }

    public static DateFormatChoice of(String code) {
        String wanted = code == null ? "" : code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.code.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown date format '" + code + "': use locale, iso, "
                        + "day-first or month-first."));
    }
}
