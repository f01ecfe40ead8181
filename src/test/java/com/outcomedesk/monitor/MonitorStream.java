package com.outcomedesk.monitor;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeLabel;
import com.outcomedesk.store.PredictionRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A synthetic stream for monitor tests: {@code months} months of appointments, each predicted (saved straight into
 * the store, as a model would) and imported with its outcome. Before {@code shiftMonth} (0-based; -1 for never)
 * outcomes follow the predicted probability and half the summaries ask for a review within two weeks; from it on the
 * probabilities rise, two new doctors take half the appointments, the summaries use words never seen before and ask
 * for a review in months, and outcomes no longer follow the predictions.
 */
public final class MonitorStream {
    static final LocalDate START = LocalDate.of(2024, 1, 1);
    private static final String[] WORDS = {"cough", "fever", "asthma", "knee", "pain", "follow", "review", "routine",
            "headache", "rash", "fatigue", "dizzy", "blood", "pressure", "sugar"};
    private static final String[] NEW_WORDS = {"vertigo", "tinnitus", "palpitation", "insomnia", "neuropathy"};

    private MonitorStream() {
    }

    public static void write(Engine engine, Path dir, Actor actor, int months, int perMonth, int shiftMonth, long seed)
            throws IOException {
        write(engine, dir, actor, 0, months, perMonth, shiftMonth, seed);
    }

    /** Months {@code from} (inclusive) to {@code to} (exclusive) of the stream, so that a model can be trained between. */
    public static void write(Engine engine, Path dir, Actor actor, int from, int to, int perMonth, int shiftMonth, long seed)
            throws IOException {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("[");
        List<PredictionRepository.NewPrediction> predictions = new ArrayList<>();
        for (int m = from; m < to; m++) {
            boolean shifted = shiftMonth >= 0 && m >= shiftMonth;
            for (int i = 0; i < perMonth; i++) {
                String id = "m" + m + "-" + i;
                LocalDate date = START.plusMonths(m).plusDays(random.nextInt(28));
                String doctor = shifted && random.nextBoolean() ? "dr_new" + random.nextInt(2) : "dr_" + random.nextInt(5);
                double p = shifted ? 0.5 + 0.49 * random.nextDouble() : 0.05 + 0.9 * random.nextDouble();
                boolean worse = random.nextDouble() < (shifted ? 0.5 : p);
                String[] words = shifted ? NEW_WORDS : WORDS;
                String review = shifted ? " Review in " + (2 + random.nextInt(5)) + " months."
                        : random.nextBoolean() ? " Review in " + (1 + random.nextInt(14)) + " days." : "";
                String summary = "Patient seen for " + words[random.nextInt(words.length)] + " and "
                        + words[random.nextInt(words.length)] + " today." + review;
                if (json.length() > 1) json.append(',');
                json.append(String.format("{\"id\":\"%s\",\"doctor_id\":\"%s\",\"summary\":\"%s\",\"appointment_date\":\"%s\","
                        + "\"future_outcome\":\"%s\"}", id, doctor, summary, date,
                        worse ? "Symptoms worsened despite intervention." : "Fully recovered."));
                UUID key = UUID.nameUUIDFromBytes(("appointment:" + id).getBytes(StandardCharsets.UTF_8));
                predictions.add(new PredictionRepository.NewPrediction(UUID.randomUUID(), key, doctor, null,
                        "model version 1", p >= 0.5 ? OutcomeLabel.WORSE : OutcomeLabel.BETTER, p, null,
                        p >= 0.5 ? PredictionRepository.RiskTier.high : p >= 0.25 ? PredictionRepository.RiskTier.medium : PredictionRepository.RiskTier.low,
                        100L, engine.stamper().now(), actor.name(), engine.stamper().siteId()));
            }
        }
        Path file = Files.createTempFile(dir, "stream", ".json");
        Files.writeString(file, json.append(']'));
        engine.importer().importFile(file, actor, ProgressListener.NONE);
        new PredictionRepository(engine.database()).saveAll(predictions);
    }

    public static String month(int m) {
        return START.plusMonths(m).toString().substring(0, 7);
    }
}
