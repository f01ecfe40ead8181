package com.outcomedesk.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.outcome.OutcomeCategory;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class PatientTimelineTest {
    private static final LocalDate D = LocalDate.of(2024, 3, 1);

    @Test
    void countsOnlyEarlierDaysAndTakesTheLatestDaysMostSevereOutcome() {
        PatientTimeline t = new PatientTimeline();
        assertThat(t.next(D, OutcomeCategory.GOOD)).isEqualTo(PatientHistory.FIRST);
        // the same day: the first appointment is not its history
        assertThat(t.next(D, null)).isEqualTo(PatientHistory.FIRST);
        PatientHistory third = t.next(D.plusDays(10), OutcomeCategory.POOR);
        assertThat(third).isEqualTo(new PatientHistory(PatientHistory.State.EARLIER, 2, 10, 1, 0, OutcomeCategory.GOOD));
        t.next(D.plusDays(10), OutcomeCategory.CRITICAL);
        t.next(D.plusDays(10), OutcomeCategory.NEUTRAL);
        PatientHistory later = t.at(D.plusDays(40));
        assertThat(later).isEqualTo(new PatientHistory(PatientHistory.State.EARLIER, 5, 30, 4, 2, OutcomeCategory.CRITICAL));
        assertThat(later.describe()).isEqualTo("2 earlier worse outcomes of 4 known (last: critical), 5 earlier appointments, "
                + "the previous 30 days before");
    }

    @Test
    void earlierAppointmentsWithoutKnownOutcomesSayNoOutcomeIsKnown() {
        PatientTimeline t = new PatientTimeline();
        t.next(D, null);
        PatientHistory h = t.at(D.plusDays(1));
        assertThat(h.known()).isZero();
        assertThat(h.describe()).startsWith("no earlier outcome known, 1 earlier appointment, the previous 1 day before");
    }

    @Test
    void refusesAppointmentsOutOfDateOrder() {
        PatientTimeline t = new PatientTimeline();
        t.next(D, null);
        assertThatThrownBy(() -> t.next(D.minusDays(1), null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packsEveryHistoryWithoutLoss() {
        PatientHistory h = new PatientHistory(PatientHistory.State.EARLIER, PatientHistory.MAX_COUNT, PatientHistory.MAX_DAYS,
                PatientHistory.MAX_COUNT, 17, OutcomeCategory.EXCELLENT);
        for (PatientHistory p : new PatientHistory[] {h, PatientHistory.NONE, PatientHistory.FIRST}) {
            assertThat(PatientHistoryTable.unpack(PatientHistoryTable.pack(p))).isEqualTo(p);
        }
    }
}
