package com.outcomedesk.monitor;

import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.MonitorRepository;
import com.outcomedesk.text.ClinicalEntityExtractor;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Drift without labels, per month with at least {@code minPredictions} predictions. The predicted probability is
 * compared with the first such month (the model's training-time scores are not stored): PSI at that month's deciles
 * and a two-sample Kolmogorov-Smirnov test; it is flagged only when both agree, so sampling noise in a small month
 * is not an alert. The feature groups are compared with the labelled data the active model was trained on (else the
 * first month): PSI over doctors; over the entity types a sample of the month's summaries mentions; over the model's
 * follow-up interval buckets, with the two-sample test on the stated days; over the months of the year asked about in
 * the year up to the month (a single month is one month of the year, so only a year's mix can drift); and the share
 * of the summaries' tokens that never occur in the reference sample.
 */
final class DriftMeasure {
    static final String PROBABILITY = "probability", DOCTORS = "doctor mix", TEXT = "text", ENTITIES = "entities",
            FOLLOW_UP = "follow-up interval", MONTH = "month";
    private static final int REFERENCE_TEXTS = 5_000, PERIOD_TEXTS = 500, NEW_TERMS = 5, NEW_TERM_MIN_COUNT = 3;
    /** An entity is named as rising when its share of the notes grew by at least this much. */
    private static final double ENTITY_RISE = 0.05;

    private final MonitorRepository rows;
    private final MonitoringSettings.Thresholds t;
    private final ClinicalEntityExtractor extractor = ClinicalEntityExtractor.defaults();

    DriftMeasure(MonitorRepository rows, MonitoringSettings.Thresholds t) {
        this.rows = rows;
        this.t = t;
    }

    List<DriftFinding> measure(NavigableMap<String, Scores> months, Map<String, Map<String, Long>> doctorMix,
                               OffsetDateTime trainedAt) {
        List<String> eligible = months.entrySet().stream().filter(e -> e.getValue().predictions() >= t.minPredictions())
                .map(Map.Entry::getKey).toList();
        List<DriftFinding> findings = new ArrayList<>();
        if (eligible.isEmpty()) return findings;
        String first = eligible.get(0);
        String firstName = "period " + first;
        ScoreHistogram baseline = months.get(first).histogram();

        Map<String, Long> trainingDoctors = trainedAt == null ? Map.of() : rows.labelledDoctorMix(trainedAt);
        boolean vsTraining = !trainingDoctors.isEmpty();
        Map<String, Long> doctorReference = vsTraining ? trainingDoctors : doctorMix.get(first);
        NoteSample notes = new NoteSample(vsTraining ? rows.labelledSummaries(trainedAt, REFERENCE_TEXTS)
                : rows.predictedSummaries(MonitorService.start(first), MonitorService.start(first).plusMonths(1),
                REFERENCE_TEXTS), extractor);
        Map<String, Long> monthReference = vsTraining ? monthsOfYear(rows.labelledMonthMix(trainedAt))
                : yearUpTo(months, MonitorService.start(first).plusMonths(11).toString().substring(0, 7));
        String reference = vsTraining ? "training" : firstName;
        String yearReference = vsTraining ? "training" : "the year from " + first;

        for (String month : eligible) {
            boolean later = !month.equals(first);
            long n = months.get(month).predictions();
            if (later) {
                ScoreHistogram current = months.get(month).histogram();
                double psi = Psi.of(baseline, current);
                KolmogorovSmirnov ks = KolmogorovSmirnov.of(baseline, current);
                findings.add(new DriftFinding(month, PROBABILITY, firstName, n, psi, ks.statistic(), ks.pValue(), null,
                        List.of(), psi > t.psi() && ks.pValue() < t.ksAlpha()));
            }
            if (!vsTraining && !later) continue;
            double doctorPsi = Psi.ofCounts(doctorReference, doctorMix.getOrDefault(month, Map.of()));
            findings.add(new DriftFinding(month, DOCTORS, reference, n, doctorPsi, null, null, null, List.of(),
                    doctorPsi > t.psi()));
            if (notes.notes > 0) {
                NoteSample sample = new NoteSample(rows.predictedSummaries(MonitorService.start(month),
                        MonitorService.start(month).plusMonths(1), PERIOD_TEXTS), extractor);
                if (sample.notes > 0) {
                    findings.add(text(month, n, reference, notes, sample));
                    findings.add(entities(month, n, reference, notes, sample));
                    findings.add(followUp(month, n, reference, notes, sample));
                }
            }
            Map<String, Long> year = yearUpTo(months, month);
            if (!monthReference.isEmpty() && !year.isEmpty()) {
                double psi = Psi.ofCounts(monthReference, year);
                findings.add(new DriftFinding(month, MONTH, yearReference, n, psi, null, null, null, List.of(), psi > t.psi()));
            }
        }
        return findings;
    }

    private DriftFinding text(String month, long n, String reference, NoteSample ref, NoteSample sample) {
        long unseen = 0;
        Map<String, Integer> unseenCounts = new TreeMap<>();
        for (Map.Entry<String, Integer> w : sample.words.entrySet()) {
            if (ref.words.containsKey(w.getKey())) continue;
            unseen += w.getValue();
            unseenCounts.put(w.getKey(), w.getValue());
        }
        if (sample.tokens == 0) return new DriftFinding(month, TEXT, reference, n, null, null, null, null, List.of(), false);
        double share = (double) unseen / sample.tokens;
        List<String> newTerms = unseenCounts.entrySet().stream().filter(e -> e.getValue() >= NEW_TERM_MIN_COUNT)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NEW_TERMS).map(Map.Entry::getKey).toList();
        return new DriftFinding(month, TEXT, reference, n, null, null, null, share, newTerms, share > t.unseenTokens());
    }

    /** PSI over the entity types the notes mention; the new terms are the entities whose share of notes rose most. */
    private DriftFinding entities(String month, long n, String reference, NoteSample ref, NoteSample sample) {
        double psi = Psi.ofCounts(ref.types, sample.types);
        List<String> rising = sample.entities.keySet().stream()
                .filter(e -> sample.entityShare(e) - ref.entityShare(e) >= ENTITY_RISE)
                .sorted((a, b) -> {
                    int c = Double.compare(sample.entityShare(b) - ref.entityShare(b), sample.entityShare(a) - ref.entityShare(a));
                    return c != 0 ? c : a.compareTo(b);
                }).limit(NEW_TERMS).toList();
        return new DriftFinding(month, ENTITIES, reference, n, psi, null, null, null, rising, psi > t.psi());
    }

    /**
     * PSI over the follow-up buckets (none stated included), and the two-sample test on the stated days where both
     * sides state some: flagged when the PSI is above its threshold and the test, where there is one, agrees.
     */
    private DriftFinding followUp(String month, long n, String reference, NoteSample ref, NoteSample sample) {
        double psi = Psi.ofCounts(ref.intervals, sample.intervals);
        ScoreHistogram a = ref.dayHistogram(), b = sample.dayHistogram();
        KolmogorovSmirnov ks = a == null || b == null ? null : KolmogorovSmirnov.of(a, b);
        return new DriftFinding(month, FOLLOW_UP, reference, n, psi, ks == null ? null : ks.statistic(),
                ks == null ? null : ks.pValue(), null, List.of(), psi > t.psi() && (ks == null || ks.pValue() < t.ksAlpha()));
    }

    /**
     * Predictions per month of the year ("01".."12") over the twelve months up to {@code last} ("YYYY-MM"); empty
     * unless the data reach back that far (a shorter window would be a few months of the year, not a year's mix).
     */
    private static Map<String, Long> yearUpTo(NavigableMap<String, Scores> months, String last) {
        String from = MonitorService.start(last).minusMonths(11).toString().substring(0, 7);
        if (months.firstKey().compareTo(from) > 0 || months.lastKey().compareTo(last) < 0) return Map.of();
        Map<String, Long> year = new TreeMap<>();
        for (Map.Entry<String, Scores> e : months.subMap(from, true, last, true).entrySet()) {
            year.merge(e.getKey().substring(5), e.getValue().predictions(), Long::sum);
        }
        return year;
    }

    private static Map<String, Long> monthsOfYear(Map<Integer, Long> byMonth) {
        Map<String, Long> m = new TreeMap<>();
        byMonth.forEach((k, v) -> m.put(String.format(java.util.Locale.ROOT, "%02d", k), v));
        return m;
    }
}
