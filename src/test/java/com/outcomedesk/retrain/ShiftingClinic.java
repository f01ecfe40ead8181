package com.outcomedesk.retrain;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Random;

/**
 * Appointments whose notes tell the outcome: before the shift "cough" marks a worse outcome; from the shift on the
 * notes use "wheeze" for it instead and "cough" means nothing. A model trained before the shift cannot see it coming.
 */
final class ShiftingClinic {
    static final String[] FILLER = {"patient", "seen", "review", "today", "stable", "follow", "plan", "clinic"};

    private ShiftingClinic() {
    }

    /** Imports {@code perMonth} appointments for each month from {@code from} (inclusive) to {@code to} (exclusive). */
    static void months(Engine engine, Path dir, Actor actor, int from, int to, int shift, int perMonth, long seed)
            throws Exception {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("[");
        for (int m = from; m < to; m++) {
            for (int i = 0; i < perMonth; i++) {
                boolean worse = random.nextDouble() < 0.4;
                boolean noisy = random.nextDouble() < 0.1;
                String marker;
                if (m < shift) marker = worse != noisy ? "cough" : "calm";
                else marker = (worse != noisy ? "wheeze" : "calm") + (random.nextBoolean() ? " cough" : "");
                if (json.length() > 1) json.append(',');
                json.append(String.format("{\"id\":\"s%d-%d\",\"doctor_id\":\"dr_%d\",\"summary\":\"%s %s %s.\","
                                + "\"appointment_date\":\"%s\",\"future_outcome\":\"%s\"}", m, i, random.nextInt(5),
                        FILLER[random.nextInt(FILLER.length)], marker, FILLER[random.nextInt(FILLER.length)],
                        LocalDate.of(2023, 1, 1).plusMonths(m).plusDays(random.nextInt(28)),
                        worse ? "Symptoms worsened despite intervention." : "Fully recovered."));
            }
        }
        Path file = dir.resolve("months-" + from + "-" + to + ".json");
        Files.writeString(file, json.append(']'));
        engine.importer().importFile(file, actor, ProgressListener.NONE);
    }
}
