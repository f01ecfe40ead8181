package com.outcomedesk.history;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.text.Featurizer;

/**
 * A patient history as hashed binary features in the model's feature space (2^bits), each with the name an explanation
 * would show: the state (no history, first appointment, earlier appointments), how many earlier appointments (as
 * thresholds), days since the previous one (as value and thresholds), whether any earlier outcome was known, how many
 * were worse (value and thresholds) and what share (in fifths), and the latest known outcome. Namespaces differ from
 * the text featurizer's, so a history feature never shares a name with a text one (it may share a hash slot, as any
 * two hashed features may).
 */
public final class HistoryFeatures {
    /** The feature set's version, stored with every model that uses it; 0 means a model without patient history. */
    public static final int VERSION = 1;
    private static final int NS_STATE = 0x4801, NS_EARLIER = 0x4802, NS_DAYS = 0x4803, NS_DAYS_AT_LEAST = 0x4804,
            NS_KNOWN = 0x4805, NS_WORSE = 0x4806, NS_WORSE_AT_LEAST = 0x4807, NS_SHARE = 0x4808, NS_LAST = 0x4809;
    private static final int[] EARLIER_THRESHOLDS = {1, 2, 3, 5, 10, 20};
    private static final int[] DAY_THRESHOLDS = {7, 14, 30, 60, 90, 180, 365, 730};
    private static final int[] WORSE_THRESHOLDS = {1, 2, 3, 5};
    private static final int MAX_EXACT_DAYS = 1_000, MAX_EXACT_WORSE = 10;

    private final int mask;

    public HistoryFeatures(int bits) {
        if (bits < 10 || bits > 26) throw new IllegalArgumentException("hash bits must be between 10 and 26");
        this.mask = (1 << bits) - 1;
    }

    /** Receives one feature; {@code name} is null unless names were asked for. */
    @FunctionalInterface
    public interface Sink {
        void add(int index, String name);
    }

    /** What the features of version {@link #VERSION} are, and the rule for "known", for the model's feature spec. */
    public static String specDescription() {
        return "patient history version " + VERSION + " (appointments of the same patient reference dated strictly before "
                + "the appointment's date): no history / first appointment / earlier appointments, earlier appointments >= "
                + "1..20, days since the previous one as value and >= 7..730, no outcome known, worse outcomes as value and "
                + ">= 1..5, worse share in fifths, latest known category; known rule: " + PatientTimeline.KNOWN_RULE;
    }

    public void features(PatientHistory h, boolean withNames, Sink sink) {
        sink.add(hash(NS_STATE, h.state().ordinal()), withNames ? "history " + h.state().name().toLowerCase(java.util.Locale.ROOT) : null);
        if (h.state() != PatientHistory.State.EARLIER) return;
        for (int t : EARLIER_THRESHOLDS) {
            if (h.earlier() < t) break;
            sink.add(hash(NS_EARLIER, t), withNames ? "earlier appointments >= " + t : null);
        }
        int days = h.daysSincePrevious();
        if (days <= MAX_EXACT_DAYS) sink.add(hash(NS_DAYS, days), withNames ? "days since previous = " + days : null);
        for (int t : DAY_THRESHOLDS) {
            if (days < t) break;
            sink.add(hash(NS_DAYS_AT_LEAST, t), withNames ? "days since previous >= " + t : null);
        }
        if (h.known() == 0) {
            sink.add(hash(NS_KNOWN, 0), withNames ? "no earlier outcome known" : null);
            return;
        }
        int worse = Math.min(h.worse(), MAX_EXACT_WORSE);
        sink.add(hash(NS_WORSE, worse), withNames ? "earlier worse = " + worse : null);
        for (int t : WORSE_THRESHOLDS) {
            if (h.worse() < t) break;
            sink.add(hash(NS_WORSE_AT_LEAST, t), withNames ? "earlier worse >= " + t : null);
        }
        int fifth = (int) Math.min(4, Math.floor(h.worseShare() * 5));
        if (h.worse() == h.known()) fifth = 5;
        sink.add(hash(NS_SHARE, fifth), withNames ? "earlier worse share " + (fifth == 5 ? "all" : fifth * 20 + "-" + (fifth * 20 + 20) + "%") : null);
        OutcomeCategory last = h.last();
        sink.add(hash(NS_LAST, last.ordinal()), withNames ? "latest earlier outcome " + last.code() : null);
    }

    private int hash(int namespace, int h) {
        return Featurizer.hash(namespace, h, mask);
    }
}
