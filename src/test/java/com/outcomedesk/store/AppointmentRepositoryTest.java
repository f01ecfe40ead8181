package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The appointment and doctor repositories on a fresh H2 store per test: edits, pages, counts and the export read. */
class AppointmentRepositoryTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    @TempDir java.nio.file.Path dir;
    Database database;
    AppointmentRepository appointments;
    DoctorRepository doctors;

    @BeforeEach
    void open() {
        database = Database.open(TestStores.h2(dir));
        appointments = new AppointmentRepository(database);
        doctors = new DoctorRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    /** Adds an appointment created {@code minutes} after T0. */
    private StoredAppointment add(String doctor, String summary, int minutes) {
        return appointments.edit(edits -> {
            Appointment a = new Appointment(UUID.randomUUID(), doctor, summary);
            a.stamp("tester", T0.plusMinutes(minutes), "site-test", minutes);
            edits.ensureDoctor(doctor, T0);
            edits.add(a);
            return a;
        }).orElseThrow();
    }

    @Test
    void anEditReturnsTheRowAsCommittedWithItsNewVersion() {
        StoredAppointment created = add("dr_a", "Cough for two weeks.", 0);
        assertThat(created.rowVersion()).isZero();
        assertThat(created.createdBy()).isEqualTo("tester");

        StoredAppointment edited = appointments.edit(edits -> {
            Appointment a = edits.find(created.id()).orElseThrow();
            a.setSummary("Cough for three weeks.");
            a.setAppointmentDate(LocalDate.of(2025, 2, 3));
            a.setOutcome("Recovered.", OutcomeCategory.GOOD, OutcomeSource.MAPPED);
            return a;
        }).orElseThrow();
        assertThat(edited.rowVersion()).isEqualTo(1);
        assertThat(appointments.findLive(created.id())).contains(edited);
        assertThat(edited.summary()).isEqualTo("Cough for three weeks.");
        assertThat(edited.appointmentDate()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(edited.outcomeCategory()).isEqualTo(OutcomeCategory.GOOD);
    }

    @Test
    void anEditThatChangesNothingReturnsEmptyAndAFailedOneLeavesTheRowAsItWas() {
        StoredAppointment created = add("dr_a", "Cough for two weeks.", 0);
        assertThat(appointments.edit(edits -> null)).isEmpty();
        assertThatThrownBy(() -> appointments.edit(edits -> {
            edits.find(created.id()).orElseThrow().setSummary("Never saved.");
            throw new IllegalStateException("refused");
        })).hasMessage("refused");
        assertThat(appointments.findLive(created.id())).contains(created);
    }

    @Test
    void doctorsAreAddedOnceAndFoundByPrefixInAnyCase() {
        add("dr_b", "One.", 0);
        add("dr_a", "Two.", 1);
        add("dr_a", "Three.", 2);
        add("nurse_c", "Four.", 3);
        assertThat(doctors.count()).isEqualTo(3);
        assertThat(doctors.idsStartingWith("DR", 10)).containsExactly("dr_a", "dr_b");
        assertThat(doctors.idsStartingWith("dr", 1)).containsExactly("dr_a");
        assertThat(doctors.idsStartingWith(null, 10)).containsExactly("dr_a", "dr_b", "nurse_c");
    }

    @Test
    void deletedRowsAreNeitherFoundNorPagedNorCounted() {
        List<StoredAppointment> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) rows.add(add(i % 2 == 0 ? "dr_a" : "dr_b", "Visit " + i + ".", i));
        UUID gone = rows.get(1).id();
        appointments.edit(edits -> {
            Appointment a = edits.find(gone).orElseThrow();
            a.setDeleted(true);
            return a;
        });
        assertThat(appointments.findLive(gone)).isEmpty();
        assertThat(appointments.count(AppointmentFilter.NONE)).isEqualTo(3);
        AppointmentFilter drB = new AppointmentFilter("dr_b", null, null, null, null, null, null);
        assertThat(appointments.count(drB)).isEqualTo(1);
        assertThat(appointments.page(AppointmentFilter.NONE, AppointmentOrder.NEWEST_FIRST, 0, 10))
                .extracting(StoredAppointment::id).containsExactly(rows.get(3).id(), rows.get(2).id(), rows.get(0).id());
        assertThat(appointments.tally()).isEqualTo(new AppointmentRepository.Tally(3, 0, 0));
    }

    @Test
    void pagesReadBySeekingAreThePagesReadByPosition() {
        for (int i = 0; i < 7; i++) add("dr_a", "Visit " + i + ".", i / 2); // pairs share a creation time
        List<AppointmentRepository.Position> starts = appointments.pageStarts(AppointmentFilter.NONE, 3);
        assertThat(starts).hasSize(3);
        for (int k = 0; k < starts.size(); k++) {
            assertThat(appointments.pageFrom(AppointmentFilter.NONE, starts.get(k), 3))
                    .isEqualTo(appointments.page(AppointmentFilter.NONE, AppointmentOrder.NEWEST_FIRST, k * 3, 3));
        }
        // Ascending is descending exactly reversed, ties included.
        List<StoredAppointment> newest = new ArrayList<>(
                appointments.page(AppointmentFilter.NONE, AppointmentOrder.NEWEST_FIRST, 0, 7));
        java.util.Collections.reverse(newest);
        assertThat(appointments.page(AppointmentFilter.NONE, new AppointmentOrder(AppointmentOrder.Column.CREATED, false), 0, 7))
                .hasSize(7).isEqualTo(newest);
    }

    @Test
    void theTallyCountsOutcomesAndThoseNoMappingCovers() {
        StoredAppointment known = add("dr_a", "One.", 0);
        StoredAppointment unmapped = add("dr_a", "Two.", 1);
        add("dr_a", "Three.", 2);
        setOutcome(known.id(), "Recovered.", OutcomeCategory.GOOD, OutcomeSource.MAPPED);
        setOutcome(unmapped.id(), "Something odd.", null, OutcomeSource.UNMAPPED);
        assertThat(appointments.tally()).isEqualTo(new AppointmentRepository.Tally(3, 2, 1));
    }

    private void setOutcome(UUID id, String text, OutcomeCategory category, OutcomeSource source) {
        appointments.edit(edits -> {
            Appointment a = edits.find(id).orElseThrow();
            a.setOutcome(text, category, source);
            return a;
        });
    }

    @Test
    void theExportReadStreamsEveryLiveRowOldestFirstAndStopsWhenTheSinkFails() {
        StoredAppointment second = add("dr_b", "Later.", 5);
        StoredAppointment first = add("dr_a", "Earlier.", 1);
        List<AppointmentRepository.Content> rows = new ArrayList<>();
        assertThat(appointments.streamLive(rows::add)).isEqualTo(2);
        assertThat(rows).extracting(AppointmentRepository.Content::id).containsExactly(first.id(), second.id());
        assertThat(rows.get(0)).isEqualTo(new AppointmentRepository.Content(first.id(), null, "dr_a", "Earlier.", null,
                null, null));

        assertThatThrownBy(() -> appointments.streamLive(row -> {
            throw new IOException("disk full");
        })).isInstanceOf(StoreException.class).hasMessageContaining("disk full");
    }
}
