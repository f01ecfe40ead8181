package com.outcomedesk.monitor;

import com.outcomedesk.text.ClinicalEntity;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.text.Tokens;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a sample of summaries holds for drift, each summary read once: its words, which entity types and entities
 * it mentions (a summary counts once per type and entity, negated or not), and its stated follow-up interval.
 */
final class NoteSample {
    static final String NO_ENTITY = "(none)", NOT_STATED = "none stated";

    final long notes;
    final long tokens;
    final Map<String, Integer> words = new HashMap<>();
    final Map<String, Long> types = new TreeMap<>();
    final Map<String, Long> entities = new HashMap<>();
    /** Follow-up days as stated, by value; and the model's interval buckets, "none stated" included. */
    final TreeMap<Double, Long> days = new TreeMap<>();
    final Map<String, Long> intervals = new TreeMap<>();

    NoteSample(List<String> summaries, ClinicalEntityExtractor extractor) {
        long tokenCount = 0;
        for (String s : summaries) {
            Tokens t = Tokens.of(s);
            for (String w : t.words()) words.merge(w, 1, Integer::sum);
            tokenCount += t.size();
            Set<String> typesSeen = new HashSet<>(), entitiesSeen = new HashSet<>();
            for (ClinicalEntity e : extractor.extract(t)) {
                typesSeen.add(e.type().code());
                entitiesSeen.add(e.canonical());
            }
            if (typesSeen.isEmpty()) typesSeen.add(NO_ENTITY);
            typesSeen.forEach(type -> types.merge(type, 1L, Long::sum));
            entitiesSeen.forEach(entity -> entities.merge(entity, 1L, Long::sum));
            OptionalInt d = ClinicalEntityExtractor.followUpDays(t);
            if (d.isPresent()) days.merge((double) d.getAsInt(), 1L, Long::sum);
            intervals.merge(d.isPresent() ? bucket(d.getAsInt()) : NOT_STATED, 1L, Long::sum);
        }
        this.notes = summaries.size();
        this.tokens = tokenCount;
    }

    /** The buckets the model's features put an interval in: up to 3 days, 2 weeks, 2 months, longer. */
    static String bucket(int days) {
        if (days <= 3) return "up to 3 days";
        if (days <= 14) return "up to 2 weeks";
        if (days <= 60) return "up to 2 months";
        return "longer";
    }

    /** The stated intervals as a histogram (for the two-sample test); null when none is stated. */
    ScoreHistogram dayHistogram() {
        if (days.isEmpty()) return null;
        int n = days.size(), i = 0;
        double[] key = new double[n];
        long[] count = new long[n];
        for (Map.Entry<Double, Long> e : days.entrySet()) {
            key[i] = e.getKey();
            count[i++] = e.getValue();
        }
        return new ScoreHistogram(key, key, new long[n], new long[n], count);
    }

    /** The share of the notes that mention this entity. */
    double entityShare(String entity) {
        return notes == 0 ? 0 : entities.getOrDefault(entity, 0L) / (double) notes;
    }
}
