package com.outcomedesk.sync;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the dates and stamps rows carry on the wire, in the forms {@code LocalDate.toString()} and
 * {@code OffsetDateTime.toString()} write, without the formatter machinery: {@code OffsetDateTime.parse} was a fifth of
 * what the server spent on a push. Anything else (other forms, invalid values) goes to the JDK's parser, so what is
 * accepted and how a bad value is refused is exactly as before.
 */
final class IsoTime {
    private static final int[] TENS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private IsoTime() {
    }

    /** {@code yyyy-MM-dd}. */
    static LocalDate date(String s) {
        if (s.length() == 10 && s.charAt(4) == '-' && s.charAt(7) == '-') {
            int y = digits(s, 0, 4);
            int m = digits(s, 5, 2);
            int d = digits(s, 8, 2);
            if ((y | m | d) >= 0) {
                try {
                    return LocalDate.of(y, m, d);
                } catch (DateTimeException e) {
                    // refused below, in the JDK's words
                }
            }
        }
        return LocalDate.parse(s);
    }

    /** {@code yyyy-MM-ddTHH:mm[:ss[.f...]]} then {@code Z} or {@code ±HH:mm}. */
    static OffsetDateTime stamp(String s) {
        OffsetDateTime quick = quickStamp(s);
        return quick != null ? quick : OffsetDateTime.parse(s);
    }

    private static OffsetDateTime quickStamp(String s) {
        int n = s.length();
        if (n < 17 || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(10) != 'T' || s.charAt(13) != ':') return null;
        int y = digits(s, 0, 4);
        int mo = digits(s, 5, 2);
        int d = digits(s, 8, 2);
        int h = digits(s, 11, 2);
        int mi = digits(s, 14, 2);
        int sec = 0;
        int nano = 0;
        int i = 16;
        if (i < n && s.charAt(i) == ':') {
            sec = digits(s, 17, 2);
            i = 19;
            if (i < n && s.charAt(i) == '.') {
                int j = i + 1;
                while (j < n && j - i <= 9 && Character.isDigit(s.charAt(j))) j++;
                int len = j - i - 1;
                if (len == 0 || (j < n && Character.isDigit(s.charAt(j)))) return null;
                nano = digits(s, i + 1, len) * TENS[9 - len];
                i = j;
            }
        }
        if ((y | mo | d | h | mi | sec | nano) < 0 || i >= n) return null;
        ZoneOffset offset;
        char c = s.charAt(i);
        if (c == 'Z' && i == n - 1) {
            offset = ZoneOffset.UTC;
        } else if ((c == '+' || c == '-') && n - i == 6 && s.charAt(i + 3) == ':') {
            int oh = digits(s, i + 1, 2);
            int om = digits(s, i + 4, 2);
            if ((oh | om) < 0) return null;
            try {
                offset = c == '+' ? ZoneOffset.ofHoursMinutes(oh, om) : ZoneOffset.ofHoursMinutes(-oh, -om);
            } catch (DateTimeException e) {
                return null;
            }
        } else {
            return null;
        }
        try {
            return OffsetDateTime.of(y, mo, d, h, mi, sec, nano, offset);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number the {@code len} ASCII digits at {@code from} make, or -1 where there is something else. */
    private static int digits(String s, int from, int len) {
        if (from + len > s.length()) return -1;
        int v = 0;
        for (int i = from; i < from + len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') return -1;
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
