package com.outcomedesk.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * De-identifies records for export: patient references are dropped, record ids replaced by pseudonyms,
 * dates shifted by a per-patient offset (so intervals within one patient survive), and e-mail
 * addresses, phone numbers, dates, identifiers and names after a title or cue masked in free text.
 * Every export uses a fresh random secret, so two exports cannot be linked to each other or to the store.
 */
public final class Deidentifier {
    static final int MAX_SHIFT_DAYS = 180;

    private record Rule(Pattern pattern, String replacement) {
    }

    /** Order matters: e-mails and dates before the digit runs they contain. */
    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+"), "[EMAIL]"),
            new Rule(Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[/.]\\d{1,2}[/.]\\d{2,4}\\b"), "[DATE]"),
            new Rule(Pattern.compile("\\b\\d{3}-\\d{2}-\\d{4}\\b"), "[ID]"),
            new Rule(Pattern.compile("(?<![\\w-])\\+?\\(?\\d[\\d ().-]{5,}\\d(?![\\w-])"), "[PHONE]"),
            new Rule(Pattern.compile("(?i)\\b(?:MRN|NHS|SSN|ID|record|chart|patient|insurance|policy|account)"
                    + "(?:\\s*(?:no\\.?|number|num|#))?\\s*[:#]?\\s*(?=[A-Za-z-]*\\d)[A-Za-z0-9-]{4,}\\b"), "[ID]"),
            new Rule(Pattern.compile("\\b(?=[A-Za-z-]*\\d)(?=\\d*[A-Za-z])[A-Za-z0-9]{2,}-?\\d{4,}\\b"), "[ID]"),
            new Rule(Pattern.compile("\\b\\d{6,}\\b"), "[ID]"),
            new Rule(Pattern.compile("\\b(Mr|Mrs|Ms|Miss|Mx|Dr|Prof)\\.?\\s+[A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)?"), "$1 [NAME]"),
            new Rule(Pattern.compile("\\b([Nn]amed|[Nn]ame(?: is)?:?|[Cc]alled|[Pp]atient|[Ss]on|[Dd]aughter|[Ww]ife|[Hh]usband|"
                    + "[Mm]other|[Ff]ather)\\s+[A-Z][\\p{L}'-]+(?:\\s+[A-Z][\\p{L}'-]+)?"), "$1 [NAME]"));

    private final byte[] secret;

    public Deidentifier() {
        this(PasswordHasher.randomBytes(32));
    }

    Deidentifier(byte[] secret) {
        this.secret = secret.clone();
    }

    /** Free text with identifying details replaced by [EMAIL], [PHONE], [DATE], [ID] and [NAME]. */
    public static String mask(String text) {
        if (text == null) return null;
        String masked = text;
        for (Rule rule : RULES) {
            Matcher m = rule.pattern().matcher(masked);
            masked = m.replaceAll(rule.replacement());
        }
        return masked;
    }

    /** A pseudonym for a record id, stable within this export only. */
    public String pseudonym(String id) {
        return "rec-" + HexFormat.of().formatHex(hmac("id:" + id), 0, 8);
    }

    /** The date moved by this patient's offset (or the record's, when there is no patient reference). */
    public LocalDate shift(LocalDate date, String patientRef, String recordId) {
        if (date == null) return null;
        byte[] h = hmac("date:" + (patientRef != null && !patientRef.isBlank() ? "p:" + patientRef : "r:" + recordId));
        int value = ((h[0] & 0xff) << 8) | (h[1] & 0xff);
        int offset = value % (2 * MAX_SHIFT_DAYS + 1) - MAX_SHIFT_DAYS;
        return date.plusDays(offset == 0 ? 1 : offset);
    }

    private byte[] hmac(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
