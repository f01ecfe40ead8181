package com.outcomedesk.monitor;

import com.outcomedesk.settings.MonitoringSettings;
import com.outcomedesk.store.MonitorRepository;
import com.outcomedesk.text.Tokens;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Drift without labels, per month with at least {@code minPredictions} predictions. The predicted probability is
 * compared with the first such month (the model's training-time scores are not stored): PSI at that month's deciles
 * and a two-sample Kolmogorov-Smirnov test; it is flagged only when both agree, so sampling noise in a small month
 * is not an alert. The doctor mix and the text are compared with the labelled data the active model was trained on
 * (else the first month): PSI over doctors, and the share of a month's summary tokens that never occur in the
 * reference sample.
 */
final class DriftMeasure {
    static final String PROBABILITY = "probability", DOCTORS = "doctor mix", TEXT = "text";
    private static final int REFERENCE_TEXTS = 20_000, PERIOD_TEXTS = 2_000, NEW_TERMS = 5, NEW_TERM_MIN_COUNT = 3;

    private final MonitorRepository rows;
    private final MonitoringSettings.Thresholds t;

    DriftMeasure(MonitorRepository rows, MonitoringSettings.Thresholds t) {
        this.rows = rows;
        this.t = t;
    }

    List<DriftFinding> measure(Map<String, Scores> months, Map<String, Map<String, Long>> doctorMix,
                               OffsetDateTime trainedAt) {
        List<String> eligible = months.entrySet().stream().filter(e -> e.getValue().predictions() >= t.minPredictions())
                .map(Map.Entry::getKey).toList();
        List<DriftFinding> findings = new ArrayList<>();
        if (eligible.isEmpty()) return findings;
        String first = eligible.get(0);
        String firstName = "period " + first;
        double[] baseline = months.get(first).allSorted();

        Map<String, Long> trainingDoctors = trainedAt == null ? Map.of() : rows.labelledDoctorMix(trainedAt);
        boolean vsTraining = !trainingDoctors.isEmpty();
        Map<String, Long> doctorReference = vsTraining ? trainingDoctors : doctorMix.get(first);
        List<String> referenceTexts = vsTraining ? rows.labelledSummaries(trainedAt, REFERENCE_TEXTS)
                : rows.predictedSummaries(MonitorService.start(first), MonitorService.start(first).plusMonths(1), REFERENCE_TEXTS);
        Set<String> vocabulary = new HashSet<>();
        referenceTexts.forEach(s -> vocabulary.addAll(Tokens.of(s).words()));
        String reference = vsTraining ? "training" : firstName;

        for (String month : eligible) {
            boolean later = !month.equals(first);
            long n = months.get(month).predictions();
            if (later) {
                double[] current = months.get(month).allSorted();
                double psi = Psi.ofSorted(baseline, current);
                KolmogorovSmirnov ks = KolmogorovSmirnov.ofSorted(baseline, current);
                findings.add(new DriftFinding(month, PROBABILITY, firstName, n, psi, ks.statistic(), ks.pValue(), null,
                        List.of(), psi > t.psi() && ks.pValue() < t.ksAlpha()));
            }
            if (!vsTraining && !later) continue;
            double doctorPsi = Psi.ofCounts(doctorReference, doctorMix.get(month));
            findings.add(new DriftFinding(month, DOCTORS, reference, n, doctorPsi, null, null, null, List.of(),
                    doctorPsi > t.psi()));
            if (!vocabulary.isEmpty()) findings.add(text(month, n, reference, vocabulary));
        }
        return findings;
    }

    private DriftFinding text(String month, long n, String reference, Set<String> vocabulary) {
        List<String> texts = rows.predictedSummaries(MonitorService.start(month), MonitorService.start(month).plusMonths(1),
                PERIOD_TEXTS);
        long tokens = 0, unseen = 0;
        Map<String, Integer> unseenCounts = new HashMap<>();
        for (String s : texts) {
            for (String w : Tokens.of(s).words()) {
                tokens++;
                if (vocabulary.contains(w)) continue;
                unseen++;
                unseenCounts.merge(w, 1, Integer::sum);
            }
        }
        if (tokens == 0) return new DriftFinding(month, TEXT, reference, n, null, null, null, null, List.of(), false);
        double share = (double) unseen / tokens;
        List<String> newTerms = unseenCounts.entrySet().stream().filter(e -> e.getValue() >= NEW_TERM_MIN_COUNT)
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NEW_TERMS).map(Map.Entry::getKey).toList();
        return new DriftFinding(month, TEXT, reference, n, null, null, null, share, newTerms, share > t.unseenTokens());
    }
}
