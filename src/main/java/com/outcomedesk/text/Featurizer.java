package com.outcomedesk.text;

import java.time.LocalDate;
import java.util.List;
import java.util.OptionalInt;

/**
 * Turns an appointment (doctor, summary, optional date) into hashed sparse features in a space of
 * 2^bits, so memory does not grow with the data. Text is normalised (case, punctuation, plural
 * folding, numbers and durations such as "3 days" become interval buckets) and yields unigrams and
 * bigrams, plus dictionary entities with negation and the follow-up interval bucket. The outcome text
 * is never an input. Thread-safe.
 */
public final class Featurizer {
    private static final int NS_WORD = 0x57, NS_BIGRAM = 0x42, NS_ENTITY = 0x45, NS_FOLLOW = 0x46, NS_DOCTOR = 0x44,
            NS_MONTH = 0x4D, NS_SEASON = 0x53;
    private static final String[] SEASONS = {"winter", "spring", "summer", "autumn"};

    private final int bits;
    private final int mask;
    private final ClinicalEntityExtractor extractor;

    public Featurizer(int bits, ClinicalEntityExtractor extractor) {
        if (bits < 10 || bits > 26) throw new IllegalArgumentException("hash bits must be between 10 and 26");
        this.bits = bits;
        this.mask = (1 << bits) - 1;
        this.extractor = extractor;
    }

    public int bits() {
        return bits;
    }

    public int dimension() {
        return 1 << bits;
    }

    /** A readable description of the feature space, stored with every model. */
    public static String specDescription(int bits) {
        return "hashed 2^" + bits + ": summary unigrams+bigrams (lower-cased, plural-folded, numbers->#, "
                + "durations->interval bucket), clinical entities (8 dictionary types, negation-marked), follow-up "
                + "interval bucket, doctor one-hot, appointment month and season; outcome text excluded";
    }

    /** Emits every feature of the appointment; names are built only when {@code withNames}. */
    public void featurize(String doctorId, String summary, LocalDate date, boolean withNames, FeatureSink sink) {
        text(summary, withNames, sink);
        if (doctorId != null) sink.add(FeatureGroup.DOCTOR, doctorIndex(doctorId), withNames ? "doctor " + doctorId : null);
        if (date != null) {
            int month = date.getMonthValue();
            sink.add(FeatureGroup.DATE, hash(NS_MONTH, month), withNames ? "month " + month : null);
            String season = SEASONS[(month % 12) / 3];
            sink.add(FeatureGroup.DATE, hash(NS_SEASON, season.hashCode()), withNames ? "season " + season : null);
        }
    }

    /** The two date features (month, season) of a month 1..12. */
    public int monthIndex(int month) {
        return hash(NS_MONTH, month);
    }

    public int seasonIndex(int month) {
        return hash(NS_SEASON, SEASONS[(month % 12) / 3].hashCode());
    }

    public int doctorIndex(String doctorId) {
        return hash(NS_DOCTOR, doctorId.hashCode());
    }

    private void text(String summary, boolean withNames, FeatureSink sink) {
        Tokens tokens = tokenize(summary == null ? "" : summary);
        int n = tokens.size();
        int previous = 0;
        String previousName = null;
        boolean first = true;
        for (int i = 0; i < n; i++) {
            String word = tokens.word(i);
            String normal;
            if (isNumber(word) && i + 1 < n && durationUnit(tokens.word(i + 1)) > 0) {
                normal = "<" + intervalBucket(Integer.parseInt(word) * durationUnit(tokens.word(i + 1))) + ">";
                i++;
            } else {
                normal = isNumber(word) ? "#" : Tokens.stem(word);
            }
            int h = normal.hashCode();
            sink.add(FeatureGroup.TEXT, hash(NS_WORD, h), withNames ? normal : null);
            if (!first) {
                sink.add(FeatureGroup.TEXT, hash(NS_BIGRAM, previous * 0x9E3779B1 + h),
                        withNames ? previousName + " " + normal : null);
            }
            if (i + 1 < n && tokens.sentence()[i + 1] != tokens.sentence()[i]) {
                previous = 0x5EB7; // bigrams stop at a sentence end
                previousName = withNames ? "|" : null;
            } else {
                previous = h;
                previousName = normal;
            }
            first = false;
        }
        List<ClinicalEntity> entities = extractor.extract(tokens);
        for (ClinicalEntity e : entities) {
            // Canonical names are shared dictionary strings whose hash codes are cached: no string building here.
            int h = (e.canonical().hashCode() * 31 + e.type().ordinal()) * 2 + (e.negated() ? 1 : 0);
            sink.add(FeatureGroup.ENTITY, hash(NS_ENTITY, h), withNames
                    ? "entity " + e.type().code() + ":" + e.canonical() + (e.negated() ? ":negated" : "") : null);
        }
        OptionalInt days = ClinicalEntityExtractor.followUpDays(tokens);
        String bucket = days.isPresent() ? intervalBucket(days.getAsInt()) : "none";
        sink.add(FeatureGroup.ENTITY, hash(NS_FOLLOW, bucket.hashCode()), withNames ? "follow-up " + bucket : null);
    }

    /**
     * The same tokens as {@link Tokens#of} (lower-case letter/digit runs, sentence numbers), built in one
     * pass without a buffer per token: this is the hot path of batch scoring.
     */
    static Tokens tokenize(String text) {
        int n = text.length();
        char[] lower = new char[n];
        List<String> words = new java.util.ArrayList<>(n / 5 + 1);
        int[] sentences = new int[n / 2 + 1];
        int sentence = 0, start = -1;
        for (int i = 0; i <= n; i++) {
            char c = i < n ? text.charAt(i) : ' ';
            if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') : Character.isLetterOrDigit(c)) {
                lower[i] = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
                if (start < 0) start = i;
                continue;
            }
            if (start >= 0) {
                sentences[words.size()] = sentence;
                words.add(new String(lower, start, i - start));
                start = -1;
            }
            if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') sentence++;
        }
        return new Tokens(words, java.util.Arrays.copyOf(sentences, words.size()));
    }

    private static boolean isNumber(String word) {
        if (word.isEmpty() || word.length() > 6) return false;
        for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
        return true;
    }

    private static int durationUnit(String word) {
        return switch (word) {
            case "day", "days" -> 1;
            case "week", "weeks" -> 7;
            case "month", "months" -> 30;
            case "year", "years" -> 365;
            default -> 0;
        };
    }

    /** Interval buckets: up to 3 days, up to 2 weeks, up to 2 months, longer. */
    static String intervalBucket(int days) {
        if (days <= 3) return "days";
        if (days <= 14) return "weeks";
        if (days <= 60) return "month";
        return "months+";
    }

    private int hash(int namespace, int h) {
        long x = ((long) namespace << 32) ^ (h & 0xFFFFFFFFL);
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) x & mask;
    }
}
