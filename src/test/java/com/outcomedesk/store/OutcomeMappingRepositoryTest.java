package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.testing.TestStores;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The outcome mapping repository on a fresh H2 store per test: the mappings, the phrasing counts and re-mapping. */
class OutcomeMappingRepositoryTest {
    private static final OffsetDateTime T0 = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
    @TempDir java.nio.file.Path dir;
    Database database;
    OutcomeMappingRepository mappings;
    AppointmentRepository appointments;

    @BeforeEach
    void open() {
        database = Database.open(TestStores.h2(dir));
        mappings = new OutcomeMappingRepository(database);
        appointments = new AppointmentRepository(database);
    }

    @AfterEach
    void close() {
        database.close();
    }

    private UUID add(String outcome, OutcomeCategory category, OutcomeSource source, boolean deleted) {
        return appointments.edit(edits -> {
            Appointment a = new Appointment(UUID.randomUUID(), "dr_a", "Seen today.");
            a.stamp("tester", T0, "site-test", 1);
            a.setOutcome(outcome, category, source);
            a.setDeleted(deleted);
            edits.ensureDoctor("dr_a", T0);
            edits.add(a);
            return a;
        }).orElseThrow().id();
    }

    @Test
    void theReferenceMappingsComeSortedByCategoryCodeThenText() {
        List<StoredOutcomeMapping> all = mappings.all();
        assertThat(all).hasSize(24).allMatch(m -> m.source().equals(StoredOutcomeMapping.REFERENCE));
        assertThat(all).extracting(m -> m.category().code()).isSorted();
        for (int i = 1; i < all.size(); i++) {
            if (all.get(i).category() == all.get(i - 1).category()) {
                assertThat(all.get(i).outcomeText()).isGreaterThan(all.get(i - 1).outcomeText());
            }
        }
    }

    @Test
    void phrasingsAreCountedOverLiveAppointmentsAndSpellingVariantsAreFoundTogether() {
        add("Lost to follow-up.", null, OutcomeSource.UNMAPPED, false);
        add("lost  to FOLLOW-UP", null, OutcomeSource.UNMAPPED, false);
        add("Lost to follow-up.", null, OutcomeSource.UNMAPPED, false);
        add("Lost to follow-up.", null, OutcomeSource.UNMAPPED, true);
        add("Slowly worsening.", OutcomeCategory.POOR, OutcomeSource.KEYWORD, false);
        add("Recovered.", OutcomeCategory.GOOD, OutcomeSource.MAPPED, false);

        assertThat(mappings.phrasingCounts()).containsExactlyInAnyOrder(
                new OutcomeMappingRepository.PhrasingCount("Lost to follow-up.", null, OutcomeSource.UNMAPPED, 2),
                new OutcomeMappingRepository.PhrasingCount("lost  to FOLLOW-UP", null, OutcomeSource.UNMAPPED, 1),
                new OutcomeMappingRepository.PhrasingCount("Slowly worsening.", OutcomeCategory.POOR, OutcomeSource.KEYWORD, 1),
                new OutcomeMappingRepository.PhrasingCount("Recovered.", OutcomeCategory.GOOD, OutcomeSource.MAPPED, 1));
        assertThat(mappings.unmappedPhrasingCounts(1)).extracting(OutcomeMappingRepository.PhrasingCount::outcomeText)
                .containsExactly("Lost to follow-up.");
        assertThat(mappings.unmappedPhrasingCounts(10)).extracting(OutcomeMappingRepository.PhrasingCount::source)
                .doesNotContain(OutcomeSource.MAPPED).hasSize(3);
        assertThat(mappings.phrasingCountsOf("lost to follow-up"))
                .extracting(OutcomeMappingRepository.PhrasingCount::count).containsExactlyInAnyOrder(2L, 1L);
        assertThat(mappings.phrasingCountsOf("lost to follow")).isEmpty();
    }

    @Test
    void mappingAddsAnAdministratorsMappingOnceAndHandsOverEveryMatchingAppointment() {
        UUID live = add("Lost to follow-up.", null, OutcomeSource.UNMAPPED, false);
        UUID variant = add("lost  to FOLLOW-UP", null, OutcomeSource.UNMAPPED, false);
        UUID deleted = add("Lost to follow-up.", null, OutcomeSource.UNMAPPED, true);
        add("Lost to follow-up, then seen again.", null, OutcomeSource.UNMAPPED, false);

        List<UUID> handed = new ArrayList<>();
        int n = mappings.map("lost to follow-up", "Lost to follow-up.", OutcomeCategory.POOR, T0, "admin_1", a -> {
            handed.add(a.getId());
            a.setOutcome(a.getOutcomeText(), OutcomeCategory.POOR, OutcomeSource.MAPPED);
        });
        assertThat(n).isEqualTo(3);
        assertThat(handed).containsExactlyInAnyOrder(live, variant, deleted);
        assertThat(appointments.findLive(variant).orElseThrow().outcomeCategory()).isEqualTo(OutcomeCategory.POOR);
        assertThat(mappings.all()).filteredOn(m -> m.normalizedText().equals("lost to follow-up")).singleElement()
                .satisfies(m -> {
                    assertThat(m.outcomeText()).isEqualTo("Lost to follow-up.");
                    assertThat(m.category()).isEqualTo(OutcomeCategory.POOR);
                    assertThat(m.source()).isEqualTo(StoredOutcomeMapping.ADMINISTRATOR);
                    assertThat(m.createdAt().toInstant()).isEqualTo(T0.toInstant());
                    assertThat(m.createdBy()).isEqualTo("admin_1");
                });

        mappings.map("lost to follow-up", "LOST to follow-up", OutcomeCategory.CRITICAL, T0.plusDays(1), "admin_2", a -> { });
        assertThat(mappings.all()).filteredOn(m -> m.normalizedText().equals("lost to follow-up")).singleElement()
                .satisfies(m -> {
                    assertThat(m.category()).isEqualTo(OutcomeCategory.CRITICAL);
                    assertThat(m.outcomeText()).isEqualTo("Lost to follow-up.");
                    assertThat(m.createdBy()).isEqualTo("admin_1");
                });
    }
}
