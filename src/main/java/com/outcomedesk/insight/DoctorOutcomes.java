package com.outcomedesk.insight;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import java.util.LinkedHashMap;
import java.util.Map;

/** One doctor's appointments with a known outcome, counted per outcome category (indexed by ordinal). */
public record DoctorOutcomes(String doctorId, long[] counts) {

    public DoctorOutcomes {
        if (counts.length != OutcomeCategory.values().length) throw new IllegalArgumentException("one count per category");
        counts = counts.clone();
    }

    public long cases() {
        long n = 0;
        for (long c : counts) n += c;
        return n;
    }

    public long count(OutcomeCategory category) {
        return counts[category.ordinal()];
    }

    public long worse() {
        long n = 0;
        for (OutcomeCategory c : OutcomeCategory.values()) if (c.label() == OutcomeLabel.WORSE) n += counts[c.ordinal()];
        return n;
    }

    /** Mean 1..5 score of the doctor's outcomes. */
    public double averageScore() {
        long sum = 0;
        for (OutcomeCategory c : OutcomeCategory.values()) sum += (long) c.score() * counts[c.ordinal()];
        return (double) sum / cases();
    }

    /** Counts per category code, best first, for the outcome-mix chart. */
    public Map<String, Long> mix() {
        Map<String, Long> mix = new LinkedHashMap<>();
        OutcomeCategory[] all = OutcomeCategory.values();
        for (int i = all.length - 1; i >= 0; i--) mix.put(all[i].code(), counts[i]);
        return mix;
    }
}
