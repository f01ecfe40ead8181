package com.outcomedesk.testing;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * jqwik generators of text made to break things: control characters (C0, DEL, C1), lone and paired surrogates,
 * line breaks of every kind, Unicode edge cases (BOM, noncharacters, U+10FFFF, combining marks, bidi overrides,
 * separators), SQL, JSON and CSV metacharacters, and now and then a field near the 20,000-character limit.
 */
public final class HostileText {
    private static final List<String> PIECES = List.of(
            "a", "Cough", " ", "fever", "  ", "\t", "\n", "\r\n", "\r", "\u0000", "\u0001", "\u0007", "\u001B",
            "\u001F", "\u007F", "\u0085", "\u009F", "\uD800", "\uDFFF", "\uDBFF", "\uD83D\uDE00", "\uDBFF\uDFFF",
            "\uFEFF", "\uFFFE", "\uFFFF", "\uFFFD", "\u2028", "\u2029", "\u00A0", "\u3000", "e\u0301", "\u202E",
            "\u200B", "'", "''", "\"", "\\", ";", "--", "/*", "*/", "%", "_", "'; DROP TABLE appointments; --",
            "\" OR 1=1 --", ",", "{", "}", "[", "]", ":", "null", "\\u0000", "é", "日本", "ß");

    private HostileText() {
    }

    /** Pieces free text may hold: no lone surrogate, no control but tab and line breaks. */
    private static final List<String> FREE_TEXT = PIECES.stream().filter(p -> p.codePoints().allMatch(c ->
            !(c >= 0xD800 && c <= 0xDFFF) && (Character.getType(c) != Character.CONTROL || c == '\t' || c == '\n'
                    || c == '\r'))).toList();

    /** A string of up to 30 hostile pieces; half of them only of pieces free text may hold, so many are accepted. */
    public static Arbitrary<String> any() {
        return Arbitraries.oneOf(Arbitraries.of(PIECES).list().ofMaxSize(30).map(p -> String.join("", p)),
                Arbitraries.of(FREE_TEXT).list().ofMaxSize(30).map(p -> String.join("", p)));
    }

    /** Mostly {@link #any()}, sometimes a field just under or over the summary limit with a hostile piece in it. */
    public static Arbitrary<String> withHuge() {
        Arbitrary<String> huge = Arbitraries.integers().between(19_990, 20_010).flatMap(n ->
                Arbitraries.of(PIECES).map(p -> "word ".repeat(n / 5) + p));
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, any()), net.jqwik.api.Tuple.of(1, huge));
    }

    /**
     * The 1-based code point of the first character the rule refuses, found independently of the rule's own
     * scan: each lone surrogate half is its own code point, and a control (category Cc) other than tab, LF or CR
     * in free text; 0 when there is none.
     */
    public static int firstRefused(String s, boolean multiLine) {
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i++) {
            int c = cps[i];
            boolean lone = c >= 0xD800 && c <= 0xDFFF;
            boolean control = Character.getType(c) == Character.CONTROL
                    && !(multiLine && (c == '\t' || c == '\n' || c == '\r'));
            if (lone || control) return i + 1;
        }
        return 0;
    }

    /** Free text as stored: each CR LF and lone CR a line feed (the rule's normalisation, spelled out here). */
    public static String lineFeeds(String s) {
        return s == null ? null : s.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** A hostile appointment, each value already stripped as every entry path strips it. */
    public record Record(String doctor, String summary, String outcome, String patient) {
    }

    public static Arbitrary<Record> records() {
        Arbitrary<String> doctor = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(7, Arbitraries.of("dr_1", "dr-2", "Dr.3")),
                net.jqwik.api.Tuple.of(3, any()));
        Arbitrary<String> summary = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(9, withHuge().map(s -> "Patient seen today " + s)),
                net.jqwik.api.Tuple.of(1, any()));
        Arbitrary<String> outcome = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, any().map(s -> "Recovered " + s)), net.jqwik.api.Tuple.of(1, any()));
        Arbitrary<String> patient = Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.just((String) null)),
                net.jqwik.api.Tuple.of(4, any().map(s -> "P-" + s)));
        return net.jqwik.api.Combinators.combine(doctor, summary, outcome, patient)
                .as((d, s, o, p) -> new Record(strip(d), strip(s), strip(o), strip(p)));
    }

    private static String strip(String s) {
        if (s == null) return null;
        String t = s.strip();
        return t.isEmpty() ? null : t;
    }
}
