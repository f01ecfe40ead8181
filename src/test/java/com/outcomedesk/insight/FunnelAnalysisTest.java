package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoRecord;
import com.outcomedesk.demo.DoctorProfile;
import com.outcomedesk.outcome.OutcomeCategory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FunnelAnalysisTest {

    static List<DoctorOutcomes> counts(DemoDataGenerator generator, int records) {
        Map<String, long[]> byDoctor = new LinkedHashMap<>();
        for (int i = 0; i < records; i++) {
            DemoRecord r = generator.next();
            if (r.outcome() == null) continue;
            byDoctor.computeIfAbsent(r.doctorId(), k -> new long[OutcomeCategory.values().length])[r.trueCategory().ordinal()]++;
        }
        List<DoctorOutcomes> list = new ArrayList<>();
        byDoctor.forEach((d, c) -> list.add(new DoctorOutcomes(d, c)));
        return list;
    }

    @ParameterizedTest(name = "seed {0}, {1} doctors, {2} records")
    @CsvSource({"1, 20, 20000", "2, 20, 20000", "4, 40, 40000", "7, 40, 20000", "5, 100, 100000", "6, 30, 60000"})
    void plantedOutliersAreFlaggedAndNobodyElse(long seed, int doctors, int records) {
        DemoDataGenerator generator = new DemoDataGenerator(seed, doctors, 0.05);
        DoctorReport report = DoctorInsights.rank(counts(generator, records), RankingMethod.FUNNEL, 10);
        Map<String, Outlier> expected = generator.doctors().stream()
                .filter(d -> d.outlier() != DoctorProfile.Outlier.NONE)
                .collect(Collectors.toMap(DoctorProfile::id, d -> d.outlier() == DoctorProfile.Outlier.GOOD ? Outlier.GOOD : Outlier.BAD));
        Map<String, Outlier> flagged = report.rows().stream().filter(r -> r.outlier() != null)
                .collect(Collectors.toMap(DoctorRow::doctorId, DoctorRow::outlier));
        assertThat(flagged).as("tau2=%s", report.tau2()).isEqualTo(expected);
    }

    @Test
    void smallVolumeDoctorsAreNotFlaggedOnNoise() {
        // Every doctor has the same true rate; tiny doctors hit extreme rates by chance alone.
        List<DoctorOutcomes> doctors = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(9);
        for (int i = 0; i < 60; i++) {
            int n = i < 30 ? 3 + random.nextInt(12) : 500 + random.nextInt(1500);
            long[] counts = new long[OutcomeCategory.values().length];
            for (int j = 0; j < n; j++) counts[random.nextDouble() < 0.3 ? 0 : 3]++;
            doctors.add(new DoctorOutcomes("dr_" + i, counts));
        }
        doctors.add(new DoctorOutcomes("dr_tiny_all_bad", new long[] {5, 0, 0, 0, 0}));
        DoctorReport report = DoctorInsights.rank(doctors, RankingMethod.FUNNEL, 10);
        assertThat(report.rows()).allMatch(r -> r.outlier() == null);
        DoctorRow tiny = report.rows().stream().filter(r -> r.doctorId().equals("dr_tiny_all_bad")).findFirst().orElseThrow();
        assertThat(tiny.worseRate()).isEqualTo(1.0);
        assertThat(tiny.shrunkRate()).as("shrunk towards the overall rate").isLessThan(0.6);
        assertThat(tiny.adjustedP()).as("not assessed under 10 cases").isNull();
    }

    @Test
    void holmAdjustmentIsMonotoneAndCapped() {
        double[] adjusted = FunnelAnalysis.holm(new double[] {0.01, 0.04, 0.03, 0.5});
        assertThat(adjusted).containsExactly(0.04, 0.09, 0.09, 0.5);
    }
}
