package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.outcome.OutcomeSource;
import com.outcomedesk.testing.TestStores;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The worse-outcome predicate lists exactly the categories the enum labels worse: the expectation is derived from
 * {@link OutcomeCategory}, so a category added (or relabelled) there that the predicate missed fails here.
 */
class OutcomePredicatesTest {
    private static final Pattern IN = Pattern.compile("outcome_category IN \\((.+)\\)");
    @TempDir java.nio.file.Path dir;

    private static Set<OutcomeCategory> labelled(OutcomeLabel label) {
        return Arrays.stream(OutcomeCategory.values()).filter(c -> c.label() == label)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(OutcomeCategory.class)));
    }

    private static Set<OutcomeCategory> listed(String predicate) {
        Matcher m = IN.matcher(predicate);
        assertThat(m.matches()).as(predicate).isTrue();
        return Arrays.stream(m.group(1).split(", ")).map(code -> {
            assertThat(code).startsWith("'").endsWith("'");
            return OutcomeCategory.fromCode(code.substring(1, code.length() - 1));
        }).collect(Collectors.toCollection(() -> EnumSet.noneOf(OutcomeCategory.class)));
    }

    @Test
    void theWorsePredicateListsExactlyTheCategoriesLabelledWorse() {
        assertThat(labelled(OutcomeLabel.WORSE)).isNotEmpty();
        assertThat(listed(OutcomePredicates.worseCategories())).isEqualTo(labelled(OutcomeLabel.WORSE));
        for (OutcomeLabel label : OutcomeLabel.values()) {
            assertThat(listed(OutcomePredicates.labelled(label))).as(label.code()).isEqualTo(labelled(label));
        }
    }

    @Test
    void onTheStoreThePredicateMatchesTheRowsOfTheWorseCategoriesAndNoOthers() {
        try (Database database = Database.open(TestStores.h2(dir))) {
            AppointmentRepository appointments = new AppointmentRepository(database);
            OffsetDateTime now = OffsetDateTime.of(2025, 1, 1, 9, 0, 0, 0, ZoneOffset.UTC);
            for (OutcomeCategory category : OutcomeCategory.values()) {
                appointments.edit(edits -> {
                    Appointment a = new Appointment(UUID.randomUUID(), "dr_a", "Seen for " + category.code() + ".");
                    a.stamp("tester", now, "site-test", 1);
                    a.setOutcome("Outcome " + category.code() + ".", category, OutcomeSource.MAPPED);
                    edits.ensureDoctor("dr_a", now);
                    edits.add(a);
                    return a;
                });
            }
            Set<OutcomeCategory> matched = database.jdbi(h -> h.createQuery("SELECT outcome_category FROM appointments WHERE "
                    + OutcomePredicates.worseCategories()).mapTo(String.class).list()).stream()
                    .map(OutcomeCategory::fromCode)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(OutcomeCategory.class)));
            assertThat(matched).isEqualTo(labelled(OutcomeLabel.WORSE));
            // The schema's own table of categories says the same.
            Set<String> listed = database.jdbi(h -> h.createQuery("SELECT code FROM outcome_categories WHERE "
                    + OutcomePredicates.worseCategories().replace("outcome_category", "code")).mapTo(String.class).set());
            Set<String> worse = database.jdbi(h -> h.createQuery("SELECT code FROM outcome_categories WHERE label = 'worse'")
                    .mapTo(String.class).set());
            assertThat(listed).isEqualTo(worse);
        }
    }
}
