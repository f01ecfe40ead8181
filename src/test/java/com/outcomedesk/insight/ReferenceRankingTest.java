package com.outcomedesk.insight;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference sample ranked in the store reproduces shared/reference/doctor_ranking_table.csv row for row. Each test
 * has its own store: a ranking writes an audit entry.
 */
class ReferenceRankingTest {
    @TempDir Path dir;
    Engine engine;

    @BeforeEach
    void importSample() {
        engine = Engine.open(TestStores.h2(dir));
        engine.importer().importFile(TestStores.referenceSample(), Actor.localUser(), ProgressListener.NONE);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }

    @Test
    void referenceMethodPrintsTheReferenceTable() throws Exception {
        List<String> expected = Files.readAllLines(TestStores.reference("doctor_ranking_table.csv"));
        DoctorReport report = engine.doctors().ranking(Actor.localUser(), RankingMethod.REFERENCE);
        List<String> actual = new ArrayList<>();
        actual.add(expected.get(0));
        for (DoctorRow r : report.rows()) {
            actual.add(String.join(",", String.valueOf(r.rank()), r.doctorId(), String.valueOf(r.cases()),
                    fmt(r.averageScore()), fmt(r.weightedScore()), r.outlier() == null ? "No" : "Yes",
                    r.outlier() == null ? "" : r.outlier().code()));
        }
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    @Test
    void iqrAndZscoreAgreeOnTheTwoOutliersOfTheSample() {
        for (RankingMethod m : List.of(RankingMethod.IQR, RankingMethod.ZSCORE)) {
            DoctorReport report = engine.doctors().ranking(Actor.localUser(), m);
            assertThat(report.rows()).filteredOn(r -> r.outlier() != null)
                    .extracting(DoctorRow::doctorId, DoctorRow::outlier)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("dr_03", Outlier.GOOD),
                            org.assertj.core.groups.Tuple.tuple("dr_07", Outlier.BAD));
            assertThat(report.rows()).allMatch(r -> r.method().equals(m.code()));
        }
    }

    @Test
    void funnelRowsCarryRatesIntervalsAndTheOutcomeMix() {
        DoctorReport report = engine.doctors().ranking(Actor.localUser(), RankingMethod.FUNNEL);
        assertThat(report.rows()).hasSize(10);
        assertThat(report.overallRate()).isBetween(0.0, 1.0);
        for (DoctorRow r : report.rows()) {
            assertThat(r.lower()).isLessThanOrEqualTo(r.shrunkRate());
            assertThat(r.upper()).isGreaterThanOrEqualTo(r.shrunkRate());
            assertThat(r.outcomeMix().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(r.cases());
        }
        assertThat(report.rows()).extracting(DoctorRow::rank).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(report.limits()).isNotEmpty().allMatch(l -> l.lower998() <= l.lower95() && l.upper95() <= l.upper998());
    }
}
