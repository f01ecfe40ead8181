package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.outcome.OutcomeCategory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmarks' bulk fill writes the rows it promises into the migrated schema and gives back the indexes it took. */
class SyntheticFillTest {
    private static final List<SyntheticFill.Share> MIX = List.of(new SyntheticFill.Share(OutcomeCategory.GOOD, 700),
            new SyntheticFill.Share(OutcomeCategory.CRITICAL, 300));

    @TempDir Path dir;

    @Test
    void outcomeOnlyRowsSpreadOverTheDoctorsInTheSharesAsked() {
        try (Database db = Database.open(StoreLocation.of(dir, null))) {
            SyntheticFill fill = new SyntheticFill(db);
            fill.dropAppointmentForeignKeys();
            fill.numberedDoctors(20);
            List<Long> progress = new ArrayList<>();
            fill.outcomeOnlyAppointments(10_000, 20, MIX, progress::add);

            List<DoctorOutcomeCount> counts = new OutcomeStatisticsRepository(db).outcomeCountsByDoctor();
            assertThat(progress).containsExactly(10_000L);
            assertThat(counts).extracting(DoctorOutcomeCount::doctorId).allMatch(d -> d.matches("dr_0[01][0-9]"));
            assertThat(counts.stream().map(DoctorOutcomeCount::doctorId).distinct()).hasSize(20);
            Map<OutcomeCategory, Long> byCategory = new EnumMap<>(counts.stream().collect(
                    Collectors.groupingBy(DoctorOutcomeCount::category, Collectors.summingLong(DoctorOutcomeCount::count))));
            assertThat(byCategory).containsOnlyKeys(OutcomeCategory.GOOD, OutcomeCategory.CRITICAL);
            assertThat(byCategory.get(OutcomeCategory.GOOD) + byCategory.get(OutcomeCategory.CRITICAL)).isEqualTo(10_000);
            assertThat(byCategory.get(OutcomeCategory.GOOD)).isBetween(6_700L, 7_300L);
        }
    }

    @Test
    void repeatedRowsCopyTheSamplesInTurnUnknownOutcomesIncluded() {
        try (Database db = Database.open(StoreLocation.of(dir, null))) {
            SyntheticFill fill = new SyntheticFill(db);
            fill.dropAppointmentForeignKeys();
            fill.doctors(List.of("dr_a", "dr_b"));
            fill.repeatedAppointments(6, List.of(new SyntheticFill.Sample("dr_a", "cough", OutcomeCategory.POOR),
                    new SyntheticFill.Sample("dr_b", "rash", null), new SyntheticFill.Sample("dr_a", "fever", OutcomeCategory.GOOD)), n -> { });

            List<AppointmentSummary> rows = new OutcomeStatisticsRepository(db).summaries(null, 100);
            assertThat(rows).extracting(AppointmentSummary::summary).containsExactly("rash", "fever", "cough", "rash", "fever", "cough");
            assertThat(rows).extracting(AppointmentSummary::outcome)
                    .containsExactly(null, OutcomeCategory.GOOD, OutcomeCategory.POOR, null, OutcomeCategory.GOOD, OutcomeCategory.POOR);
            assertThat(new OutcomeStatisticsRepository(db).summaries(rows.get(2).id(), 2)).containsExactly(rows.get(3), rows.get(4));
        }
    }

    @Test
    void droppedIndexesComeBackAsTheSchemaDefinedThem() {
        try (Database db = Database.open(StoreLocation.of(dir, null))) {
            SyntheticFill fill = new SyntheticFill(db);
            fill.dropAppointmentForeignKeys();
            List<SyntheticFill.Index> dropped = fill.dropAppointmentIndexes();
            SyntheticFill.Index counted = dropped.stream()
                    .filter(i -> i.name().equalsIgnoreCase(OutcomeStatisticsRepository.OUTCOME_COUNTS_INDEX)).findFirst().orElseThrow();
            SyntheticFill.Index created = dropped.stream().filter(i -> i.name().equals("IDX_APPOINTMENTS_CREATED")).findFirst().orElseThrow();
            assertThat(counted.columns()).containsExactly("\"DOCTOR_ID\"", "\"CREATED_AT\" DESC", "\"ID\" DESC", "\"DELETED\"", "\"OUTCOME_CATEGORY\"");
            assertThat(created.columns()).containsExactly("\"CREATED_AT\" DESC", "\"ID\" DESC", "\"DELETED\"");
            assertThat(fill.dropAppointmentIndexes()).isEmpty();

            fill.create(counted);
            assertThat(fill.dropAppointmentIndexes()).containsExactly(counted);
        }
    }

    @Test
    void sharesMustCoverEveryThousandth() {
        assertThat(SyntheticFill.category("u", MIX)).isEqualTo("CASE WHEN u < 700 THEN 'good' ELSE 'critical' END");
        assertThat(SyntheticFill.category("u", List.of(new SyntheticFill.Share(OutcomeCategory.GOOD, 1000)))).isEqualTo("'good'");
        assertThatThrownBy(() -> SyntheticFill.category("u", List.of(new SyntheticFill.Share(OutcomeCategory.GOOD, 999))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
