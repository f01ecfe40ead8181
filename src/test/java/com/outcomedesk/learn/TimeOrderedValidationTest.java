package com.outcomedesk.learn;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporal leakage guard: each day's outcome is one coin toss, and each day's notes carry a word of that day only.
 * Random folds see other appointments of the same day and score near perfectly; trained on the past, the model meets
 * only words it never saw and must score near chance, and training must say the time-ordered figure is worse. The days
 * all fall in one January, so the month and season features carry nothing either way.
 */
class TimeOrderedValidationTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final String[] FILLER = {"patient", "seen", "review", "today", "stable", "follow", "plan", "clinic"};
    @TempDir Path dir;

    @Test
    void theFutureThatOnlyLookingAheadPredictsScoresNearChanceOnTheTimeOrderedSplit() throws Exception {
        Random random = new Random(5);
        StringBuilder json = new StringBuilder("[");
        int months = 24; // periods of one day each
        for (int m = 0; m < months; m++) {
            // the most recent months alternate, so the held-out period holds both outcomes
            boolean worse = m >= months - 6 ? m % 2 == 0 : random.nextBoolean();
            String word = "zq" + (char) ('a' + m) + (char) ('a' + m);
            for (int i = 0; i < 100; i++) {
                if (json.length() > 1) json.append(',');
                json.append(String.format("{\"id\":\"t%d-%d\",\"doctor_id\":\"dr_%d\",\"summary\":\"%s %s %s %s.\","
                                + "\"appointment_date\":\"%s\",\"future_outcome\":\"%s\"}", m, i, random.nextInt(5),
                        FILLER[random.nextInt(FILLER.length)], word, FILLER[random.nextInt(FILLER.length)],
                        FILLER[random.nextInt(FILLER.length)], LocalDate.of(2023, 1, 1).plusDays(m),
                        worse ? "Symptoms worsened despite intervention." : "Fully recovered."));
            }
        }
        Path file = dir.resolve("months.json");
        Files.writeString(file, json.append(']'));
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            engine.importer().importFile(file, ADMIN, ProgressListener.NONE);
            TrainingService.TrainingResult result = engine.training().train(new TrainingRequest(
                    TrainingRequest.Algorithm.LOGREG, 3, false, 42, TrainingRequest.DEFAULT_BITS), ADMIN, ProgressListener.NONE);
            JsonNode t = engine.models().metrics(result.version()).get("timeOrdered");
            assertThat(t.get("cvAuc").asDouble()).isGreaterThan(0.9);
            assertThat(t.get("auc").asDouble()).isBetween(0.3, 0.7);
            assertThat(t.get("worse").asBoolean()).isTrue();
            assertThat(t.get("testRows").asInt()).isBetween(400, 600);
            assertThat(t.get("trainRows").asInt() + t.get("testRows").asInt()).isEqualTo(2400);
            assertThat(result.notes()).anyMatch(n -> n.startsWith("Time-ordered validation") && n.contains("WORSE"));
        }
    }

    /**
     * A later appointment of the same patient reveals the outcome: each patient's three notes, on one day, carry the
     * patient's own word and share one outcome (a coin toss per patient). Random folds learn a patient from their other
     * notes, later ones included; trained on the past, the model meets only patients it never saw, so the time-ordered
     * AUC must sit within 0.05 of chance. (On one day, because patient history counts only earlier days: notes a day
     * apart would let the second note legitimately read the first one's outcome, which is the past, not a look ahead.)
     */
    @Test
    void anOutcomeThatOnlyALaterAppointmentOfThePatientRevealsScoresAtChanceOnTheTimeOrderedSplit() throws Exception {
        Random random = new Random(8);
        StringBuilder json = new StringBuilder("[");
        int patients = 1_800;
        for (int k = 0; k < patients; k++) {
            boolean worse = random.nextBoolean();
            String word = "pq" + (char) ('a' + k / 676) + (char) ('a' + k / 26 % 26) + (char) ('a' + k % 26);
            LocalDate first = LocalDate.of(2023, 1, 1).plusDays(k / 3);
            for (int visit = 0; visit < 3; visit++) {
                if (json.length() > 1) json.append(',');
                json.append(String.format("{\"id\":\"p%d-%d\",\"doctor_id\":\"dr_%d\",\"patient_ref\":\"P%d\","
                                + "\"summary\":\"%s %s %s %s.\",\"appointment_date\":\"%s\",\"future_outcome\":\"%s\"}",
                        k, visit, random.nextInt(5), k, FILLER[random.nextInt(FILLER.length)], word,
                        FILLER[random.nextInt(FILLER.length)], FILLER[random.nextInt(FILLER.length)], first,
                        worse ? "Symptoms worsened despite intervention." : "Fully recovered."));
            }
        }
        Path file = dir.resolve("patients.json");
        Files.writeString(file, json.append(']'));
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            engine.importer().importFile(file, ADMIN, ProgressListener.NONE);
            TrainingService.TrainingResult result = engine.training().train(new TrainingRequest(
                    TrainingRequest.Algorithm.LOGREG, 3, false, 42, TrainingRequest.DEFAULT_BITS), ADMIN, ProgressListener.NONE);
            JsonNode t = engine.models().metrics(result.version()).get("timeOrdered");
            assertThat(t.get("cvAuc").asDouble()).as("random folds look ahead").isGreaterThan(0.8);
            assertThat(t.get("auc").asDouble()).as("trained on the past only").isBetween(0.45, 0.55);
            assertThat(t.get("worse").asBoolean()).isTrue();
            assertThat(t.get("trainRows").asInt() + t.get("testRows").asInt()).isEqualTo(3 * patients);
        }
    }
}
