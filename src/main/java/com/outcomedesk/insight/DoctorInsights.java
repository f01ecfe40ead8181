package com.outcomedesk.insight;

import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.common.Actor;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.DoctorOutcomeCount;
import com.outcomedesk.store.OutcomeStatisticsRepository;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Ranks doctors by outcome and flags outliers (see {@link RankingMethod}). The counts come from one GROUP BY in the
 * store ({@link OutcomeStatisticsRepository}), so ranking never loads appointments; everything after that works on one
 * row per doctor. The optional case-mix adjustment needs the prediction model's view of every patient, so it alone
 * reads each labelled appointment.
 */
public final class DoctorInsights {
    /** Doctors with fewer cases than this are shown on the funnel but never flagged. */
    public static final int DEFAULT_MIN_CASES = 10;

    private final OutcomeStatisticsRepository statistics;
    private final AuditTrail audit;

    public DoctorInsights(Database database, AuditTrail audit) {
        this.statistics = new OutcomeStatisticsRepository(database);
        this.audit = audit;
    }

    /** The ranking by the given method, computed from the store now. */
    public DoctorReport ranking(Actor actor, RankingMethod method) {
        DoctorReport report = rank(perDoctor(statistics.outcomeCountsByDoctor()), method, DEFAULT_MIN_CASES);
        audit.record(actor, "insight.doctors", "doctor_ranking", method.code(), "doctors=" + report.rows().size());
        return report;
    }

    /**
     * The case-mix adjusted comparison (see {@link CaseMixAnalysis}): reads every labelled appointment once, in a
     * forward-only stream, and scores it with the predictor without its doctor.
     */
    public CaseMixAnalysis.Report caseMix(Actor actor, Predictor predictor) {
        Map<String, CaseMixAnalysis.Tally> tallies = new TreeMap<>();
        statistics.forEachLabelled(a -> {
            double p = predictor.probabilityWithoutDoctor(a.summary(), a.date());
            tallies.computeIfAbsent(a.doctorId(), k -> new CaseMixAnalysis.Tally()).add(p, a.outcome().label() == OutcomeLabel.WORSE);
        });
        CaseMixAnalysis.Report report = CaseMixAnalysis.analyse(tallies, predictor.answeredBy(), DEFAULT_MIN_CASES);
        audit.record(actor, "insight.doctors", "doctor_ranking", "case-mix", "doctors=" + report.rows().size());
        return report;
    }

    /** The counts folded to one row per doctor, in doctor order so that sums are the same on every database. */
    private static List<DoctorOutcomes> perDoctor(List<DoctorOutcomeCount> counts) {
        Map<String, long[]> byDoctor = new TreeMap<>();
        for (DoctorOutcomeCount c : counts) {
            byDoctor.computeIfAbsent(c.doctorId(), k -> new long[OutcomeCategory.values().length])[c.category().ordinal()] += c.count();
        }
        List<DoctorOutcomes> result = new ArrayList<>(byDoctor.size());
        byDoctor.forEach((doctor, n) -> result.add(new DoctorOutcomes(doctor, n)));
        return result;
    }

    /** Ranks already-counted outcomes; doctors without any known outcome are left out. */
    public static DoctorReport rank(List<DoctorOutcomes> counted, RankingMethod method, int minCases) {
        List<DoctorOutcomes> doctors = counted.stream().filter(d -> d.cases() > 0).toList();
        double[] weighted = doctors.stream().mapToDouble(DoctorInsights::weightedScore).toArray();
        ScoreSummary scores = ScoreSummary.of(weighted);
        FunnelAnalysis.Result funnel = new FunnelAnalysis(minCases).analyse(doctors);
        boolean rounded = method == RankingMethod.REFERENCE;

        record Scored(DoctorOutcomes doctor, double weighted, FunnelAnalysis.Estimate estimate) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < doctors.size(); i++) {
            scored.add(new Scored(doctors.get(i), weighted[i], funnel.doctors().get(doctors.get(i).doctorId())));
        }
        Comparator<Scored> order = method == RankingMethod.FUNNEL
                ? Comparator.comparingDouble((Scored s) -> s.estimate().shrunkRate())
                : Comparator.comparingDouble((Scored s) -> -s.weighted());
        scored.sort(order.thenComparing(s -> s.doctor().doctorId()));

        List<DoctorRow> rows = new ArrayList<>(scored.size());
        for (int i = 0; i < scored.size(); i++) {
            Scored s = scored.get(i);
            FunnelAnalysis.Estimate e = s.estimate();
            double average = s.doctor().averageScore();
            rows.add(new DoctorRow(s.doctor().doctorId(), i + 1, s.doctor().cases(),
                    rounded ? round3(average) : average, rounded ? round3(s.weighted()) : s.weighted(),
                    scores.z(s.weighted()), e.rate(), e.shrunkRate(), e.lower(), e.upper(), e.controlLower(),
                    e.controlUpper(), e.adjustedP(), outlier(method, s.weighted(), scores, e), method.code(),
                    s.doctor().mix()));
        }
        return new DoctorReport(method, List.copyOf(rows), scores, funnel.overallRate(), funnel.tau2(), minCases,
                funnel.binomialLimits(), funnel.limits());
    }

    /** The reference weighted score: average 1..5 score x ln(cases + 1), so volume counts as well as quality. */
    static double weightedScore(DoctorOutcomes doctor) {
        return doctor.averageScore() * Math.log(doctor.cases() + 1);
    }

    private static Outlier outlier(RankingMethod method, double weighted, ScoreSummary scores, FunnelAnalysis.Estimate e) {
        return switch (method) {
            case REFERENCE, IQR -> weighted > scores.upperFence() ? Outlier.GOOD
                    : weighted < scores.lowerFence() ? Outlier.BAD : null;
            case ZSCORE -> {
                double z = scores.z(weighted);
                yield z > 2 ? Outlier.GOOD : z < -2 ? Outlier.BAD : null;
            }
            case FUNNEL -> e.outlier();
        };
    }

    /** Rounds the exact binary value half-even to 3 decimals, as Python's round() does in the reference. */
    static double round3(double value) {
        return new BigDecimal(value).setScale(3, RoundingMode.HALF_EVEN).doubleValue();
    }
}
