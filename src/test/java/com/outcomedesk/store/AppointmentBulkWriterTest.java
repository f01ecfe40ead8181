package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.testing.TestStores;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import's batched writer on a fresh H2 store per test: one batch, the row-by-row retry, and the stored lookup. */
class AppointmentBulkWriterTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T10:00:00Z"), ZoneOffset.UTC);
    @TempDir java.nio.file.Path dir;
    Database database;
    ChangeStamper stamper;

    @BeforeEach
    void open() {
        database = Database.open(TestStores.h2(dir));
        stamper = new ChangeStamper(CLOCK, new HybridClock(CLOCK), "site-test");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static AppointmentBulkWriter.NewAppointment row(UUID key, String doctor, String summary) {
        return new AppointmentBulkWriter.NewAppointment(key, "ext-" + summary, doctor, "P-1", LocalDate.of(2025, 2, 1),
                summary, "Recovered.", OutcomeCategory.GOOD, OutcomeSource.MAPPED);
    }

    /** Writes the rows in one batch and commits; returns how many were inserted, the refused ones in {@code refused}. */
    private long write(List<AppointmentBulkWriter.NewAppointment> rows, Map<UUID, String> refused) {
        return database.withConnection(c -> {
            c.setAutoCommit(false);
            try (AppointmentBulkWriter writer = new AppointmentBulkWriter(c, stamper, "importer")) {
                long added = writer.insert(rows, r -> r, (r, sqlState) -> refused.put(r.key(), sqlState));
                c.commit();
                return added;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    @Test
    void aBatchIsStoredWholeWithItsDoctorsAndStamps() {
        List<AppointmentBulkWriter.NewAppointment> rows = List.of(row(UUID.randomUUID(), "dr_a", "One."),
                row(UUID.randomUUID(), "dr_b", "Two."), row(UUID.randomUUID(), "dr_a", "Three."));
        Map<UUID, String> refused = new LinkedHashMap<>();
        assertThat(write(rows, refused)).isEqualTo(3);
        assertThat(refused).isEmpty();
        assertThat(new DoctorRepository(database).idsStartingWith("", 10)).containsExactly("dr_a", "dr_b");
        StoredAppointment stored = new AppointmentRepository(database).findLive(rows.get(1).key()).orElseThrow();
        assertThat(stored.createdBy()).isEqualTo("importer");
        assertThat(stored.updatedBy()).isEqualTo("importer");
        assertThat(stored.createdAt().toInstant()).isEqualTo(CLOCK.instant());
        assertThat(stored.siteId()).isEqualTo("site-test");
        assertThat(stored.rowVersion()).isZero();
        assertThat(stored.externalId()).isEqualTo("ext-Two.");
        assertThat(stored.outcomeCategory()).isEqualTo(OutcomeCategory.GOOD);
        assertThat(stored.outcomeSource()).isEqualTo(OutcomeSource.MAPPED);
    }

    @Test
    void aRowTheDatabaseRefusesCostsOnlyThatRowAndTheRestOfTheBatchIsStored() {
        UUID twice = UUID.randomUUID();
        List<AppointmentBulkWriter.NewAppointment> rows = List.of(row(UUID.randomUUID(), "dr_a", "One."),
                row(twice, "dr_a", "Two."), row(twice, "dr_a", "Two again."), row(UUID.randomUUID(), "dr_a", "Four."));
        Map<UUID, String> refused = new LinkedHashMap<>();
        assertThat(write(rows, refused)).isEqualTo(3);
        assertThat(refused).containsOnlyKeys(twice);
        assertThat(refused.get(twice)).isEqualTo("23505"); // unique violation
        assertThat(new AppointmentRepository(database).count(AppointmentFilter.NONE)).isEqualTo(3);
        assertThat(new AppointmentRepository(database).findLive(twice).orElseThrow().summary()).isEqualTo("Two.");
    }

    @Test
    void theStoredLookupFindsOnlyKeysAlreadyStoredWithTheirContent() {
        AppointmentBulkWriter.NewAppointment kept = row(UUID.randomUUID(), "dr_a", "One.");
        write(List.of(kept), new LinkedHashMap<>());
        UUID absent = UUID.randomUUID();
        List<AppointmentRepository.Content> found = new ArrayList<>();
        database.withConnection(c -> {
            try (AppointmentBulkWriter writer = new AppointmentBulkWriter(c, stamper, "importer")) {
                writer.stored(List.of(kept.key(), absent)).forEach(row -> found.add(row.content()));
            }
            return null;
        });
        assertThat(found).containsExactly(new AppointmentRepository.Content(kept.key(), "ext-One.", "dr_a", "One.",
                "Recovered.", "P-1", LocalDate.of(2025, 2, 1)));
    }
}
