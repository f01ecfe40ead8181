package com.outcomedesk.ui.doctors;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.insight.CaseMixAnalysis;
import com.outcomedesk.insight.DoctorReport;
import com.outcomedesk.insight.DoctorRow;
import com.outcomedesk.insight.FunnelLimit;
import com.outcomedesk.insight.Outlier;
import com.outcomedesk.insight.RankingMethod;
import com.outcomedesk.insight.ScoreSummary;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the doctors screen says and plots, from hand-made reports: no screen, no store. */
class DoctorsViewModelTest {
    private static DoctorRow doctor(String id, int rank, long cases, double score, double rate, Outlier outlier) {
        return new DoctorRow(id, rank, cases, score / Math.log(cases + 1), score, 0, rate, rate, rate - 0.05, rate + 0.05,
                0.1, 0.5, outlier == null ? null : 0.01, outlier, "funnel", Map.of("good", cases));
    }

    private static final DoctorReport REPORT = new DoctorReport(RankingMethod.FUNNEL, List.of(
            doctor("D2", 1, 40, 9.5, 0.05, Outlier.GOOD),
            doctor("D1", 2, 120, 6.0, 0.30, null),
            doctor("D3", 3, 15, 1.2, 0.70, Outlier.BAD),
            doctor("D4", 4, 80, 4.0, 0.60, Outlier.BAD)),
            new ScoreSummary(3, 5, 7, 4, 1.5, 9.25, 5, 2), 0.3125, 0.001, 10, List.of(),
            List.of(new FunnelLimit(200, 0.25, 0.37, 0.22, 0.40), new FunnelLimit(10, 0.05, 0.6, 0.0, 0.75)));

    @Test
    void theSummaryCountsTheDoctorsThatStandOutEachWay() {
        assertThat(DoctorsViewModel.summary(REPORT)).isEqualTo("4 doctors ranked by funnel; overall rate of worse outcomes 31.3%; "
                + "1 stand out for better and 2 for worse outcomes (doctors with fewer than 10 cases are never flagged). "
                + "IQR fences of the weighted score: 1.50 and 9.25.");
    }

    @Test
    void theFunnelPlotsEachDoctorByCasesAndRateAndTheLimitsInIncreasingVolume() {
        ControlLimits funnel = DoctorsViewModel.funnel(REPORT);
        assertThat(funnel.points()).extracting(ControlLimits.Point::doctorId).containsExactly("D2", "D1", "D3", "D4");
        assertThat(funnel.points(null)).containsExactly(new ControlLimits.Point("D1", 120, 0.30, null,
                DoctorsViewModel.funnelTip(REPORT.rows().get(1))));
        assertThat(funnel.points(Outlier.GOOD)).extracting(ControlLimits.Point::doctorId).containsExactly("D2");
        assertThat(funnel.points(Outlier.BAD)).extracting(ControlLimits.Point::doctorId).containsExactly("D3", "D4");
        assertThat(funnel.limits()).containsExactly(new ControlLimits.Limit(10, 0.05, 0.6, 0.0, 0.75, 0.3125),
                new ControlLimits.Limit(200, 0.25, 0.37, 0.22, 0.40, 0.3125));
        assertThat(List.of(funnel.betterName(), funnel.worseName(), funnel.centreName()))
                .containsExactly("better outcomes", "worse outcomes", "overall rate");
    }

    @Test
    void theCaseMixPlotsObservedOverExpectedWithEachDoctorsLimitsAroundOne() {
        CaseMixAnalysis.Report r = new CaseMixAnalysis.Report("version 3 (logistic)", 300, 90, 1.042, 0.0, 10, List.of(
                new CaseMixAnalysis.Row("D1", 120, 50, 30.0, 50 / 30.0, 0.7, 1.35, 0.55, 1.5, 0.001, Outlier.BAD),
                new CaseMixAnalysis.Row("D2", 40, 5, 12.5, 0.4, 0.5, 1.6, 0.3, 1.9, null, null),
                new CaseMixAnalysis.Row("D3", 140, 35, 47.5, 35 / 47.5, 0.75, 1.28, 0.62, 1.4, 0.03, Outlier.GOOD)));
        assertThat(DoctorsViewModel.caseMixSummary(r)).isEqualTo("Expected worse outcomes from version 3 (logistic), for each "
                + "doctor's own patients without any doctor's effect (scaled by 1.042 so that expected equals the 90 observed). "
                + "1 doctors have fewer and 1 more worse outcomes than expected beyond the 99.8% limits (Holm-adjusted p < 0.05; "
                + "doctors with fewer than 10 cases are not judged).");
        ControlLimits chart = DoctorsViewModel.caseMixChart(r);
        assertThat(chart.points()).extracting(ControlLimits.Point::doctorId).as("by expected").containsExactly("D2", "D1", "D3");
        assertThat(chart.points(Outlier.BAD)).singleElement().satisfies(p -> {
            assertThat(p.x()).isEqualTo(30.0);
            assertThat(p.y()).isEqualTo(50 / 30.0);
            assertThat(p.tip()).isEqualTo("D1\n120 cases, 50 worse outcomes where 30.0 were expected\nO/E 1.67\nHolm-adjusted p 0.00100");
        });
        assertThat(chart.points(null).get(0).tip()).isEqualTo("D2\n40 cases, 5 worse outcomes where 12.5 were expected\nO/E 0.40");
        assertThat(chart.limits()).containsExactly(new ControlLimits.Limit(12.5, 0.5, 1.6, 0.3, 1.9, 1),
                new ControlLimits.Limit(30.0, 0.7, 1.35, 0.55, 1.5, 1), new ControlLimits.Limit(47.5, 0.75, 1.28, 0.62, 1.4, 1));
        assertThat(List.of(chart.betterName(), chart.worseName(), chart.centreName()))
                .containsExactly("fewer worse than expected", "more worse than expected", "as expected");
    }

    @Test
    void scoreBarsGoHighestFirstAndAreStyledBySideOfTheFences() {
        DoctorsViewModel.ScoreBars bars = DoctorsViewModel.scoreBars(REPORT);
        assertThat(bars.bars()).containsExactly(
                new DoctorsViewModel.ScoreBar("D2", 9.5, "bar-good", "D2: weighted score 9.500"),
                new DoctorsViewModel.ScoreBar("D1", 6.0, "bar-typical", "D1: weighted score 6.000"),
                new DoctorsViewModel.ScoreBar("D4", 4.0, "bar-typical", "D4: weighted score 4.000"),
                new DoctorsViewModel.ScoreBar("D3", 1.2, "bar-bad", "D3: weighted score 1.200"));
        assertThat(List.of(bars.lowerFence(), bars.upperFence())).containsExactly(1.5, 9.25);
        assertThat(bars.namesFit()).isTrue();
    }

    @Test
    void eachRankingMethodHasALabelThatReadsBackAsTheMethod() {
        assertThat(DoctorsViewModel.methodLabel(RankingMethod.FUNNEL)).isEqualTo("Funnel plot (rate of worse)");
        assertThat(DoctorsViewModel.methodLabel(RankingMethod.REFERENCE)).isEqualTo("Reference (weighted score)");
        for (RankingMethod m : RankingMethod.values()) assertThat(DoctorsViewModel.methodOf(DoctorsViewModel.methodLabel(m))).isEqualTo(m);
        assertThat(List.of(RankingMethod.values()).stream().map(DoctorsViewModel::methodLabel).distinct()).hasSize(RankingMethod.values().length);
        assertThat(DoctorsViewModel.methodOf("no such method")).isNull();
    }

    @Test
    void rowsSayAndAreStyledByWhichWayADoctorStandsOut() {
        assertThat(DoctorsViewModel.outlierText(Outlier.GOOD)).isEqualTo("better");
        assertThat(DoctorsViewModel.outlierText(Outlier.BAD)).isEqualTo("worse");
        assertThat(DoctorsViewModel.outlierText(null)).isEmpty();
        assertThat(DoctorsViewModel.rowStyle(REPORT.rows().get(0))).contains("outlier-good");
        assertThat(DoctorsViewModel.rowStyle(REPORT.rows().get(1))).isEmpty();
        assertThat(DoctorsViewModel.rowStyle(REPORT.rows().get(2))).contains("outlier-bad");
        assertThat(DoctorsViewModel.rowStyle(null)).isEmpty();
        assertThat(DoctorsViewModel.ROW_STYLES).containsExactlyInAnyOrder("outlier-good", "outlier-bad");
    }

    @Test
    void columnsAndRateTicksAreFormattedForReading() {
        assertThat(DoctorsViewModel.score(9.5)).isEqualTo("9.500");
        assertThat(DoctorsViewModel.rate(0.3125)).isEqualTo("31.3%");
        assertThat(DoctorsViewModel.cases(1_234_567)).isEqualTo(String.format("%,d", 1_234_567));
        assertThat(DoctorsViewModel.rateTick(0.2, 0.1)).isEqualTo("20%");
        assertThat(DoctorsViewModel.rateTick(0.025, 0.005)).as("ticks closer than a percent keep a decimal").isEqualTo("2.5%");
        assertThat(DoctorsViewModel.rateOfTick("2.5%")).isEqualTo(0.025);
    }

    @Test
    void theMixIsTitledByDoctorAndEachSliceCarriesTheStyleClassOfItsCategory() {
        DoctorRow row = new DoctorRow("D9", 1, 4, 1, 1, 0, 0.25, 0.25, 0.2, 0.3, 0.1, 0.5, null, null, "funnel",
                new java.util.LinkedHashMap<>(Map.of("excellent", 3L, "critical", 1L, "poor", 0L)));
        assertThat(DoctorsViewModel.mixTitle(row)).isEqualTo("Outcome mix of D9");
        assertThat(DoctorsViewModel.mixTitle(null)).isEqualTo("Outcome mix");
        assertThat(DoctorsViewModel.mix(row)).as("empty categories left out")
                .extracting(DoctorsViewModel.MixSlice::styleClass).containsExactlyInAnyOrder("outcome-excellent", "outcome-critical");
        assertThat(DoctorsViewModel.mix(row)).extracting(DoctorsViewModel.MixSlice::label).contains("excellent: 3 (75%)");
    }
}
