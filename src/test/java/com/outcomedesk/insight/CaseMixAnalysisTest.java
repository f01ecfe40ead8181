package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A doctor with sicker patients is not flagged once their case mix is taken into account; real outliers still are. */
class CaseMixAnalysisTest {

    @Test
    void sickerPatientsExplainAHighRateWhileRealOutliersStandOut() {
        Map<String, CaseMixAnalysis.Tally> tallies = new LinkedHashMap<>();
        List<DoctorOutcomes> crude = new ArrayList<>();
        for (int i = 0; i < 20; i++) add(tallies, crude, "dr_" + i, 500, 0.3, 150 + (i % 5 - 2) * 4);
        add(tallies, crude, "sicker", 500, 0.6, 300);   // the rate of their patients' risk: as expected
        add(tallies, crude, "bad", 500, 0.3, 240);      // 1.6 times the worse outcomes expected
        add(tallies, crude, "good", 500, 0.3, 60);      // 0.4 times
        add(tallies, crude, "tiny", 5, 0.3, 5);         // all worse, but too few cases to judge

        FunnelAnalysis.Estimate unadjusted = new FunnelAnalysis(10).analyse(crude).doctors().get("sicker");
        assertThat(unadjusted.outlier()).as("the crude funnel blames the doctor for the case mix").isEqualTo(Outlier.BAD);

        CaseMixAnalysis.Report report = CaseMixAnalysis.analyse(tallies, "test model", 10);
        Map<String, CaseMixAnalysis.Row> rows = new LinkedHashMap<>();
        report.rows().forEach(r -> rows.put(r.doctorId(), r));
        assertThat(rows.get("sicker").outlier()).isNull();
        assertThat(rows.get("sicker").ratio()).isBetween(0.9, 1.1);
        assertThat(rows.get("bad").outlier()).isEqualTo(Outlier.BAD);
        assertThat(rows.get("good").outlier()).isEqualTo(Outlier.GOOD);
        assertThat(rows.get("tiny").adjustedP()).as("not assessed").isNull();
        assertThat(rows.get("tiny").outlier()).isNull();
        assertThat(report.rows().stream().filter(r -> r.outlier() != null)).hasSize(2);

        double expected = report.rows().stream().mapToDouble(CaseMixAnalysis.Row::expectedWorse).sum();
        assertThat(expected).as("expected is scaled to the observed total").isCloseTo(report.observedWorse(),
                org.assertj.core.data.Offset.offset(1e-6));
        assertThat(report.rows().get(0).doctorId()).as("lowest ratio first").isEqualTo("good");
    }

    /** A doctor whose patients each have probability p of a worse outcome, of whom {@code worse} had one. */
    private static void add(Map<String, CaseMixAnalysis.Tally> tallies, List<DoctorOutcomes> crude, String doctor,
                            int cases, double p, int worse) {
        CaseMixAnalysis.Tally t = new CaseMixAnalysis.Tally();
        for (int i = 0; i < cases; i++) t.add(p, i < worse);
        tallies.put(doctor, t);
        long[] counts = new long[com.outcomedesk.outcome.OutcomeCategory.values().length];
        counts[com.outcomedesk.outcome.OutcomeCategory.POOR.ordinal()] = worse;
        counts[com.outcomedesk.outcome.OutcomeCategory.GOOD.ordinal()] = cases - worse;
        crude.add(new DoctorOutcomes(doctor, counts));
    }
}
