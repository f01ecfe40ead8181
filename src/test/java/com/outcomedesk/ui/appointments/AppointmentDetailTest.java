package com.outcomedesk.ui.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.ui.support.DateStyle;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The detail pane and the Record outcome header, from hand-made rows: no screen, no store. */
class AppointmentDetailTest {
    private static final LocalDate DATE = LocalDate.of(2025, 3, 15);

    private static AppointmentRow row(LocalDate date, String patient, String outcome, OutcomeCategory category,
                                      PredictionService.Saved prediction) {
        return new AppointmentRow(null, 1, "D12", date, patient, "Chest pain, ECG normal.", outcome, category, prediction);
    }

    @Test
    void theTitleSaysWhoWhenWhichPatientAndTheOutcomeSoFar() {
        assertThat(AppointmentDetail.title(row(DATE, "P7", "recovered fully", OutcomeCategory.EXCELLENT, null), DateStyle.ISO))
                .isEqualTo("D12, 2025-03-15, patient P7, outcome excellent");
        assertThat(AppointmentDetail.title(row(null, null, null, null, null), DateStyle.ISO)).isEqualTo("D12, outcome not yet known");
        assertThat(AppointmentDetail.title(row(DATE, null, "went home", null, null), DateStyle.ISO))
                .isEqualTo("D12, 2025-03-15, outcome unmapped");
    }

    @Test
    void theTextAddsTheOutcomeAndTheLatestSavedPrediction() {
        assertThat(AppointmentDetail.text(row(DATE, null, null, null, null), DateStyle.ISO)).isEqualTo("Chest pain, ECG normal.");
        PredictionService.Saved saved = new PredictionService.Saved(null, "worse", 0.62, "high", "poor",
                OffsetDateTime.of(2025, 4, 1, 9, 30, 0, 0, ZoneOffset.UTC));
        assertThat(AppointmentDetail.text(row(DATE, null, "readmitted", OutcomeCategory.POOR, saved), DateStyle.ISO))
                .isEqualTo("Chest pain, ECG normal.\nOutcome: readmitted\nLatest saved prediction: "
                        + saved.label() + ": 62% worse, high risk, likeliest category poor, saved 2025-04-01");
    }

    @Test
    void theRecordOutcomeHeaderNamesTheDoctorAndTheDate() {
        assertThat(AppointmentDetail.outcomeHeader(row(DATE, null, null, null, null), DateStyle.ISO))
                .isEqualTo("Outcome of D12's appointment on 2025-03-15");
        assertThat(AppointmentDetail.outcomeHeader(row(null, null, null, null, null), DateStyle.ISO))
                .isEqualTo("Outcome of D12's appointment");
    }
}
