package com.outcomedesk.text;

import java.time.LocalDate;
import java.util.ArrayList;
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
            NS_MONTH = 0x4D, NS_SEASON = 0x53, NS_DAYS = 0x64, NS_DAYS_AT_LEAST = 0x74, NS_NUMBER = 0x6E,
            NS_NUMBER_AT_LEAST = 0x4E, NS_PAIR = 0x50;
    /** The feature set of the first models: n-grams, entities negated by a 3-token window, follow-up bucket. */
    public static final int LEGACY_VERSION = 1;
    /**
     * Adds durations and numbers as values and thresholds, negation scoped to its phrase, and entity pairs across
     * sentences. A model is always featurised with the version it was trained with.
     */
    public static final int VERSION = 2;
    private static final String[] SEASONS = {"winter", "spring", "summer", "autumn"};

    private final int bits;
    private final int mask;
    private final int version;
    private final ClinicalEntityExtractor extractor;

    /** The current feature set ({@link #VERSION}). */
    public Featurizer(int bits, ClinicalEntityExtractor extractor) {
        this(bits, VERSION, extractor);
    }

    public Featurizer(int bits, int version, ClinicalEntityExtractor extractor) {
        if (bits < 10 || bits > 26) throw new IllegalArgumentException("hash bits must be between 10 and 26");
        if (version != LEGACY_VERSION && version != VERSION) throw new IllegalArgumentException("unknown feature version " + version);
        this.bits = bits;
        this.version = version;
        this.mask = (1 << bits) - 1;
        this.extractor = extractor;
        this.scratch = ThreadLocal.withInitial(() -> new Scratch(extractor.dictionary().root()));
    }

    public int bits() {
        return bits;
    }

    public int version() {
        return version;
    }

    public int dimension() {
        return 1 << bits;
    }

    /** A readable description of the feature space, stored with every model. */
    public static String specDescription(int bits) {
        return specDescription(bits, VERSION);
    }

    public static String specDescription(int bits, int version) {
        if (version == LEGACY_VERSION) {
            return "hashed 2^" + bits + ": summary unigrams+bigrams (lower-cased, plural-folded, numbers->#, "
                    + "durations->interval bucket), clinical entities (8 dictionary types, negation-marked), follow-up "
                    + "interval bucket, doctor one-hot, appointment month and season; outcome text excluded";
        }
        return "hashed 2^" + bits + ", feature version " + version + ": summary unigrams+bigrams (lower-cased, plural-folded, "
                + "numbers->#, durations->interval bucket), durations as days (value and thresholds 2..365), numbers as "
                + "value and powers of two with the word before them, clinical entities (8 dictionary types, negation "
                + "scoped to its phrase), entity pairs across sentences, follow-up interval bucket, doctor one-hot, "
                + "appointment month and season; outcome text excluded";
    }

    /** Emits every feature of the appointment; names are built only when {@code withNames}. */
    public void featurize(String doctorId, String summary, LocalDate date, boolean withNames, FeatureSink sink) {
        text(summary == null ? "" : summary, withNames, (group, index, name, a, b) -> sink.add(group, index, name), null);
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

    /**
     * Every feature of the appointment with the token(s) of the summary it came from, and the units of the summary
     * those tokens belong to: an entity phrase with its negation cue ("No chest pain"), a duration ("3 days"), or
     * else a single word. Features not from the text (doctor, date, no follow-up stated) name no unit. Used to
     * explain one prediction; names are always built.
     */
    public List<TextUnit> explain(String doctorId, String summary, LocalDate date, UnitSink sink) {
        List<TextUnit> units = new ArrayList<>();
        text(summary == null ? "" : summary, true, sink, units);
        if (doctorId != null) sink.add(FeatureGroup.DOCTOR, doctorIndex(doctorId), "doctor " + doctorId, -1, -1);
        if (date != null) {
            int month = date.getMonthValue();
            sink.add(FeatureGroup.DATE, monthIndex(month), "month " + month, -1, -1);
            sink.add(FeatureGroup.DATE, seasonIndex(month), "season " + SEASONS[(month % 12) / 3], -1, -1);
        }
        return units;
    }

    /** Receives a feature and the units (indices into the returned list, -1 for none) it came from. */
    @FunctionalInterface
    public interface UnitSink {
        void add(FeatureGroup group, int index, String name, int unitA, int unitB);
    }

    /** A piece of the summary an explanation weighs as one: its text and character span. */
    public record TextUnit(String text, int start, int end) {
    }

    private void text(String summary, boolean withNames, UnitSink sink, List<TextUnit> unitsOut) {
        Scratch scratch = this.scratch.get();
        Tokens tokens = scratch.tokenize(summary);
        Word[] words = scratch.words;
        int n = tokens.size();
        List<ClinicalEntity> entities = extractor.extract(tokens, words);
        int[] unit = unitsOut == null ? null : units(summary, tokens, entities, unitsOut);
        int previous = 0, previousToken = -1;
        String previousName = null;
        boolean first = true;
        for (int i = 0; i < n; i++) {
            Word word = words[i];
            String normal;
            int at = i;
            if (word.number && i + 1 < n && words[i + 1].durationUnit > 0) {
                int days = word.value * words[i + 1].durationUnit;
                normal = BUCKET_TOKENS[bucket(days)];
                if (version >= 2) durationValues(days, withNames, sink, u(unit, at));
                i++;
            } else if (word.number) {
                normal = "#";
                if (version >= 2) numberValues(word.value, previousName, first ? 0x5EB7 : previous, withNames, sink, u(unit, at));
            } else {
                normal = word.stem;
            }
            int h = normal.hashCode();
            sink.add(FeatureGroup.TEXT, hash(NS_WORD, h), withNames ? normal : null, u(unit, at), -1);
            if (!first) {
                sink.add(FeatureGroup.TEXT, hash(NS_BIGRAM, previous * 0x9E3779B1 + h),
                        withNames ? previousName + " " + normal : null, u(unit, previousToken), u(unit, at));
            }
            if (i + 1 < n && tokens.sentence()[i + 1] != tokens.sentence()[i]) {
                previous = 0x5EB7; // bigrams stop at a sentence end
                previousName = withNames ? "|" : null;
                previousToken = -1;
            } else {
                previous = h;
                previousName = normal;
                previousToken = at;
            }
            first = false;
        }
        for (ClinicalEntity e : entities) {
            boolean negated = negated(e);
            // Canonical names are shared dictionary strings whose hash codes are cached: no string building here.
            int h = entityHash(e, negated);
            sink.add(FeatureGroup.ENTITY, hash(NS_ENTITY, h), withNames
                    ? "entity " + e.type().code() + ":" + e.canonical() + (negated ? ":negated" : "") : null,
                    u(unit, e.startToken()), -1);
        }
        if (version >= 2) pairs(tokens, entities, withNames, sink, unit);
        int followUp = ClinicalEntityExtractor.followUpToken(words, n);
        OptionalInt days = ClinicalEntityExtractor.followUpDays(words, followUp);
        String bucket = days.isPresent() ? intervalBucket(days.getAsInt()) : "none";
        sink.add(FeatureGroup.ENTITY, hash(NS_FOLLOW, bucket.hashCode()), withNames ? "follow-up " + bucket : null,
                followUp < 0 ? -1 : u(unit, followUp), -1);
    }

    private boolean negated(ClinicalEntity e) {
        return version >= 2 ? e.scopedNegated() : e.negated();
    }

    private static int entityHash(ClinicalEntity e, boolean negated) {
        return (e.canonical().hashCode() * 31 + e.type().ordinal()) * 2 + (negated ? 1 : 0);
    }

    private static int u(int[] unit, int token) {
        return unit == null || token < 0 ? -1 : unit[token];
    }

    /** Thresholds of a stated duration, in days, so a linear model can learn a step at any of them. */
    private static final int[] DAY_THRESHOLDS = {2, 3, 4, 5, 7, 10, 14, 21, 28, 42, 60, 90, 120, 180, 270, 365};
    private static final int MAX_EXACT_VALUE = 1_000;

    /** A duration as its value ("days = 10") and as every threshold it reaches ("days >= 7"). */
    private void durationValues(int days, boolean withNames, UnitSink sink, int unit) {
        if (days <= MAX_EXACT_VALUE) sink.add(FeatureGroup.ENTITY, hash(NS_DAYS, days), withNames ? "days = " + days : null, unit, -1);
        for (int t : DAY_THRESHOLDS) {
            if (days < t) break;
            sink.add(FeatureGroup.ENTITY, hash(NS_DAYS_AT_LEAST, t), withNames ? "days >= " + t : null, unit, -1);
        }
    }

    /**
     * A bare number with the word before it ("bp 140", "stage 3") as its value and as every power of two it reaches,
     * so "stage >= 3" or "temperature >= 38" can be learned wherever the notes put the number.
     */
    private void numberValues(int value, String before, int context, boolean withNames, UnitSink sink, int unit) {
        if (value <= MAX_EXACT_VALUE) {
            sink.add(FeatureGroup.ENTITY, hash(NS_NUMBER, context * 0x9E3779B1 + value),
                    withNames ? (before == null ? "|" : before) + " = " + value : null, unit, -1);
        }
        for (int t = 1, k = 0; t <= value && k < 20; t <<= 1, k++) {
            sink.add(FeatureGroup.ENTITY, hash(NS_NUMBER_AT_LEAST, context * 0x9E3779B1 + t),
                    withNames ? (before == null ? "|" : before) + " >= " + t : null, unit, -1);
        }
    }

    /**
     * Entity pairs across sentences of a state with an action (a finding with a plan), order-free, hashed into the same
     * space. All pairs of every type cost 0.006 held-out AUC on 20,000 additive demo notes; state-action pairs 0.001.
     */
    private void pairs(Tokens tokens, List<ClinicalEntity> entities, boolean withNames, UnitSink sink, int[] unit) {
        int m = Math.min(entities.size(), MAX_PAIRED_ENTITIES);
        for (int a = 0; a < m; a++) {
            ClinicalEntity x = entities.get(a);
            int hx = entityHash(x, negated(x));
            for (int b = a + 1; b < m; b++) {
                ClinicalEntity y = entities.get(b);
                if (tokens.sentence()[x.startToken()] == tokens.sentence()[y.startToken()] || !stateWithAction(x, y)) continue;
                int hy = entityHash(y, negated(y));
                int lo = Math.min(hx, hy), hi = Math.max(hx, hy);
                sink.add(FeatureGroup.ENTITY, hash(NS_PAIR, lo * 0x9E3779B1 + hi), withNames ? "pair " + pairName(x) + " + "
                        + pairName(y) : null, u(unit, x.startToken()), u(unit, y.startToken()));
            }
        }
    }

    private static final int MAX_PAIRED_ENTITIES = 12;
    private static final java.util.Set<EntityType> STATES = java.util.EnumSet.of(EntityType.CONDITION, EntityType.SYMPTOM,
            EntityType.FINDING);

    /** Only a state (condition, symptom, finding) with an action (test, medication, referral, treatment, plan) pairs. */
    private static boolean stateWithAction(ClinicalEntity x, ClinicalEntity y) {
        return STATES.contains(x.type()) != STATES.contains(y.type());
    }

    private String pairName(ClinicalEntity e) {
        return e.type().code() + ":" + e.canonical() + (negated(e) ? ":negated" : "");
    }

    /** Assigns every token to its unit: entity phrases (with an adjacent negation cue) first, then durations, then words. */
    private int[] units(String summary, Tokens tokens, List<ClinicalEntity> entities, List<TextUnit> out) {
        int n = tokens.size();
        int[] first = new int[n], last = new int[n];
        java.util.Arrays.fill(first, -1);
        for (ClinicalEntity e : entities) {
            if (first[e.startToken()] >= 0 || e.endToken() - 1 < 0 || first[e.endToken() - 1] >= 0) continue;
            int from = e.startToken();
            int cue = e.negationCue();
            if (negated(e) && cue >= 0 && free(first, cue, e.startToken())) from = cue;
            mark(first, last, from, e.endToken());
        }
        for (int i = 0; i + 1 < n; i++) {
            if (first[i] < 0 && first[i + 1] < 0 && isNumber(tokens.word(i)) && durationUnit(tokens.word(i + 1)) > 0) mark(first, last, i, i + 2);
        }
        int[] unit = new int[n];
        for (int i = 0; i < n; i++) {
            if (first[i] >= 0 && first[i] != i) {
                unit[i] = unit[first[i]];
                continue;
            }
            int end = first[i] >= 0 ? last[i] : i + 1;
            unit[i] = out.size();
            out.add(new TextUnit(summary.substring(tokens.start()[i], tokens.end()[end - 1]), tokens.start()[i], tokens.end()[end - 1]));
        }
        return unit;
    }

    private static boolean free(int[] first, int from, int to) {
        for (int k = from; k < to; k++) if (first[k] >= 0) return false;
        return true;
    }

    /** Tokens from..to-1 become one unit: each points at its first token, which knows the end. */
    private static void mark(int[] first, int[] last, int from, int to) {
        for (int k = from; k < to; k++) first[k] = from;
        last[from] = to;
    }

    /** Each thread's buffers and words, for this featurizer's dictionary. */
    private final ThreadLocal<Scratch> scratch;

    /**
     * One thread's tokenizer: the same tokens as {@link Tokens#of} (lower-case letter/digit runs, sentence numbers)
     * in one pass over a reused buffer, each token's {@link Word} from the thread's cache, so a word seen before makes
     * no new string. This is the hot path of batch scoring. {@link #words} holds the last text's words.
     */
    private static final class Scratch {
        final WordCache cache;
        char[] lower = new char[256];
        Word[] words = new Word[64];
        int[] sentences = new int[64], starts = new int[64], ends = new int[64];

        Scratch(ClinicalDictionary.Node root) {
            cache = new WordCache(root);
        }

        Tokens tokenize(String text) {
            int n = text.length();
            if (lower.length < n) lower = new char[n];
            int count = 0, sentence = 0, start = -1, hash = 0;
            for (int i = 0; i <= n; i++) {
                char c = i < n ? text.charAt(i) : ' ';
                if (c < 128 ? (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') : Character.isLetterOrDigit(c)) {
                    char l = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
                    lower[i] = l;
                    if (start < 0) {
                        start = i;
                        hash = 0;
                    }
                    hash = 31 * hash + l;
                    continue;
                }
                if (start >= 0) {
                    if (count == words.length) grow();
                    sentences[count] = sentence;
                    starts[count] = start;
                    ends[count] = i;
                    words[count++] = cache.get(lower, start, i, hash);
                    start = -1;
                }
                if (c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '\n') sentence++;
            }
            String[] texts = new String[count];
            for (int k = 0; k < count; k++) texts[k] = words[k].text;
            return new Tokens(java.util.Arrays.asList(texts), java.util.Arrays.copyOf(sentences, count),
                    java.util.Arrays.copyOf(starts, count), java.util.Arrays.copyOf(ends, count));
        }

        private void grow() {
            int m = words.length * 2;
            words = java.util.Arrays.copyOf(words, m);
            sentences = java.util.Arrays.copyOf(sentences, m);
            starts = java.util.Arrays.copyOf(starts, m);
            ends = java.util.Arrays.copyOf(ends, m);
        }
    }

    /** The tokens {@link #featurize} reads (as {@link Tokens#of} makes them). */
    Tokens tokenize(String text) {
        return scratch.get().tokenize(text);
    }

    static boolean isNumber(String word) {
        if (word.isEmpty() || word.length() > 6) return false;
        for (int i = 0; i < word.length(); i++) if (!Character.isDigit(word.charAt(i))) return false;
        return true;
    }

    static int durationUnit(String word) {
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
        return BUCKETS[bucket(days)];
    }

    private static final String[] BUCKETS = {"days", "weeks", "month", "months+"};
    /** A duration's token in the n-grams: its bucket in angle brackets. */
    private static final String[] BUCKET_TOKENS = {"<days>", "<weeks>", "<month>", "<months+>"};

    private static int bucket(int days) {
        if (days <= 3) return 0;
        if (days <= 14) return 1;
        if (days <= 60) return 2;
        return 3;
    }

    private int hash(int namespace, int h) {
        return hash(namespace, h, mask);
    }

    /** A feature's slot in a space of mask + 1: its namespace and value mixed (murmur3's finaliser), for every feature group. */
    public static int hash(int namespace, int h, int mask) {
        long x = ((long) namespace << 32) ^ (h & 0xFFFFFFFFL);
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return (int) x & mask;
    }
}
