package com.outcomedesk.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.PatientVisits;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The leakage guard: an appointment's history is made only of appointments dated strictly before it. Whatever is added,
 * changed or deleted on or after its date (its own outcome included, other patients' too), its history and its features
 * stay the same; and the prediction-time lookup gives what the training pass gives.
 */
class PatientHistoryProperties {
    private static final LocalDate DAY0 = LocalDate.of(2024, 1, 1);
    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();
    private static final HistoryFeatures FEATURES = new HistoryFeatures(18);

    /** An appointment as the store holds it: a null patient or date is no one's history. */
    record Appointment(UUID id, String patient, LocalDate date, OutcomeCategory category) {
    }

    @Property(tries = 300)
    void changesOnOrAfterAnAppointmentsDateNeverChangeItsHistory(@ForAll long seed, @ForAll @IntRange(min = 1, max = 60) int size) {
        Random random = new Random(seed);
        List<Appointment> store = new ArrayList<>();
        for (int i = 0; i < size; i++) store.add(random(random));
        Appointment target = new Appointment(UUID.randomUUID(), "P" + random.nextInt(3), DAY0.plusDays(random.nextInt(40)), category(random));
        store.add(target);
        PatientHistory before = table(store, random).of(target.id());

        List<Appointment> changed = new ArrayList<>();
        for (Appointment a : store) {
            boolean later = a.date() != null && !a.date().isBefore(target.date());
            if (a == target) changed.add(new Appointment(a.id(), a.patient(), a.date(), category(random)));
            else if (!later) changed.add(a);
            else if (random.nextInt(3) == 0) continue; // deleted
            else if (random.nextBoolean()) changed.add(new Appointment(a.id(), random.nextBoolean() ? target.patient() : a.patient(),
                    target.date().plusDays(random.nextInt(30)), category(random)));
            else changed.add(a);
        }
        for (int i = random.nextInt(10); i > 0; i--) {
            changed.add(new Appointment(UUID.randomUUID(), random.nextBoolean() ? target.patient() : "P" + random.nextInt(3),
                    target.date().plusDays(random.nextInt(30)), category(random)));
        }
        PatientHistory after = table(changed, random).of(target.id());

        assertThat(after).isEqualTo(before);
        assertThat(features(after)).isEqualTo(features(before));
    }

    @Property(tries = 200)
    void thePredictionTimeLookupGivesWhatTheTrainingPassGives(@ForAll long seed, @ForAll @IntRange(min = 0, max = 80) int size) {
        Random random = new Random(seed);
        List<Appointment> store = new ArrayList<>();
        for (int i = 0; i < size; i++) store.add(random(random));
        PatientHistoryTable table = table(store, random);
        PatientHistoryLookup lookup = PatientHistoryLookup.over((patient, date) -> store.stream()
                .filter(a -> patient.equals(a.patient()) && a.date() != null && a.date().isBefore(date))
                .sorted(Comparator.comparing(Appointment::date))
                .map(a -> new PatientVisits.Visit(a.date(), a.category())).toList());
        for (Appointment a : store) assertThat(lookup.before(a.patient(), a.date())).isEqualTo(table.of(a.id()));
    }

    @Property(tries = 50)
    void anAppointmentWithoutAPatientReferenceOrDateHasNoHistory(@ForAll long seed) {
        Random random = new Random(seed);
        List<Appointment> store = new ArrayList<>();
        for (int i = 0; i < 30; i++) store.add(random(random));
        Appointment anonymous = new Appointment(UUID.randomUUID(), null, DAY0.plusDays(50), OutcomeCategory.POOR);
        Appointment undated = new Appointment(UUID.randomUUID(), "P1", null, OutcomeCategory.POOR);
        store.add(anonymous);
        store.add(undated);
        PatientHistoryTable table = table(store, random);
        assertThat(table.of(anonymous.id())).isEqualTo(PatientHistory.NONE);
        assertThat(table.of(undated.id())).isEqualTo(PatientHistory.NONE);
        assertThat(PatientHistoryLookup.over((p, d) -> List.of()).before(null, DAY0)).isEqualTo(PatientHistory.NONE);
        assertThat(PatientHistoryLookup.over((p, d) -> List.of()).before("P1", null)).isEqualTo(PatientHistory.NONE);
    }

    private static Appointment random(Random random) {
        String patient = random.nextInt(6) == 0 ? null : "P" + random.nextInt(3);
        LocalDate date = random.nextInt(12) == 0 ? null : DAY0.plusDays(random.nextInt(70));
        return new Appointment(UUID.randomUUID(), patient, date, category(random));
    }

    private static OutcomeCategory category(Random random) {
        return random.nextInt(3) == 0 ? null : CATEGORIES[random.nextInt(CATEGORIES.length)];
    }

    /** The training pass over the store's rows in patient and date order, same-day rows in a random order (as SQL may). */
    private static PatientHistoryTable table(List<Appointment> store, Random random) {
        List<Appointment> rows = new ArrayList<>(store.stream().filter(a -> a.patient() != null && a.date() != null).toList());
        Collections.shuffle(rows, random);
        rows.sort(Comparator.comparing(Appointment::patient).thenComparing(Appointment::date));
        return PatientHistoryTable.of(sink -> rows.forEach(a -> sink.add(a.id(), a.patient(), a.date(), a.category())));
    }

    private static List<Integer> features(PatientHistory h) {
        List<Integer> indices = new ArrayList<>();
        FEATURES.features(h, false, (index, name) -> indices.add(index));
        return indices;
    }
}
