package com.outcomedesk.appointments;

/**
 * The one rule for text entering the store, by the form, import, the service API or sync: valid Unicode (no lone
 * surrogate half) and no control character (Unicode category Cc: C0, DEL, C1) except, in free text, tab and line
 * breaks. PostgreSQL refuses NUL and cannot store a lone surrogate, and the other controls are invisible, so a
 * value the rule accepts is stored, exported and synced exactly.
 *
 * <p>Per field: free text ({@link #MULTI_LINE}: summaries, outcomes) keeps tab and line feed and normalises each
 * CR LF or lone CR to LF; single-line values ({@link #SINGLE_LINE}: doctor ids, patient references, record ids)
 * hold no control character at all. Everything else is refused, with the 1-based position in code points.
 */
public enum TextRule {
    MULTI_LINE,
    SINGLE_LINE;

    /** The character U+FFFD that {@link #repair} puts in place of a lone surrogate half. */
    public static final char REPLACEMENT = '\uFFFD';

    /** Why text breaks the rule, and where: {@code position} is the 1-based code point. */
    public record Violation(AppointmentInput.Reason reason, int position) {
    }

    /** The first place the text breaks the rule, or null when it keeps it (null text keeps it). */
    public Violation check(String text) {
        if (text == null) return null;
        int position = 0;
        for (int i = 0; i < text.length(); i++) {
            position++;
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return new Violation(AppointmentInput.Reason.BROKEN_UNICODE, position);
            } else if (Character.getType(c) == Character.CONTROL && !allowed(c)) {
                return new Violation(AppointmentInput.Reason.CONTROL_CHARACTER, position);
            }
        }
        return null;
    }

    /** Plain wording of a violation for reports and the command line, to follow the field's name. */
    public static String describe(Violation v) {
        return (v.reason() == AppointmentInput.Reason.BROKEN_UNICODE ? "holds a broken character (not valid Unicode)"
                : "holds a control character") + " at character " + v.position();
    }

    /** The text as it is stored: free text gets LF for every CR LF and lone CR; other text is kept as it is. */
    public String normalise(String text) {
        if (text == null || this == SINGLE_LINE || text.indexOf('\r') < 0) return text;
        return text.replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * The text made to keep the rule, for a value stored before it: normalised, each lone surrogate half replaced
     * by U+FFFD and each refused control character removed.
     */
    public String repair(String text) {
        if (text == null) return null;
        String whole = wholeSurrogates(normalise(text));
        StringBuilder out = new StringBuilder(whole.length());
        for (int i = 0; i < whole.length(); i++) {
            char c = whole.charAt(i);
            if (Character.getType(c) != Character.CONTROL || allowed(c)) out.append(c);
        }
        return out.toString();
    }

    /** The text with U+FFFD in place of each lone surrogate half; the same instance when it has none. */
    public static String wholeSurrogates(String text) {
        if (text == null) return null;
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (out != null) out.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (out == null) out = new StringBuilder(text.length()).append(text, 0, i);
                out.append(REPLACEMENT);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    private boolean allowed(char control) {
        return this == MULTI_LINE && (control == '\t' || control == '\n' || control == '\r');
    }
}
