package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCliTest {
    @TempDir Path dir;


    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("home"), args);
    }

    @Test
    void trainPredictModelsActivateRollbackAndMetricsOnTheReferenceSample() throws Exception {
        assertThat(run("predict", "--doctor", "dr_1", "--summary", "Cough.").err()).contains("Import appointments with outcomes, then run 'java -jar target/outcome-desk.jar train --activate'");
        run("import", TestStores.referenceSample().toString());
        // Before any version is active the doctor-rate baseline answers, and the output says how a trained model would.
        assertThat(run("predict", "--doctor", "dr_1", "--summary", "Cough.").out()).contains("fallback: no model version is active yet",
                "'java -jar target/outcome-desk.jar train --activate', or 'java -jar target/outcome-desk.jar activate VERSION' for a version");

        CliRun train = run("train", "--algorithm", "logreg", "--activate", "--json");
        assertThat(train.code()).as(train.err()).isZero();
        JsonNode t = train.json();
        assertThat(t.get("version").asInt()).isEqualTo(1);
        assertThat(t.get("algorithm").asText()).isIn("logreg", "doctor-rate", "majority");
        for (String m : List.of("auc", "accuracy", "f1")) assertThat(t.get("metrics").get(m).isNumber()).isTrue();
        assertThat(t.get("candidates").size()).isEqualTo(3);
        assertThat(t.get("candidates").get(0).has("auc")).isTrue();
        assertThat(t.get("notes").toString()).contains("summary text");

        CliRun predict = run("predict", "--doctor", "dr_10", "--summary", "Follow-up for diabetes. Will reassess in 1 month.",
                "--date", "2025-01-10", "--json");
        assertThat(predict.code()).as(predict.err()).isZero();
        JsonNode p = predict.json();
        for (String field : List.of("label", "probability", "category", "categoryProbabilities", "riskTier", "modelVersion",
                "explanation", "latencyMicros")) {
            assertThat(p.has(field)).as(field).isTrue();
        }
        assertThat(p.get("label").asText()).isIn("better", "worse");
        assertThat(p.get("riskTier").asText()).isIn("low", "medium", "high");
        assertThat(p.get("modelVersion").asInt()).isEqualTo(1);
        // The explanation is exact: the base value plus every factor's signed weight is the logit of the probability.
        double logit = p.get("baseValue").asDouble();
        for (JsonNode c : p.get("explanation")) logit += c.get("weight").asDouble();
        double probability = p.get("probability").asDouble();
        assertThat(logit).isCloseTo(Math.log(probability / (1 - probability)), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(p.get("categoryProbabilities").get("poor").asDouble() + p.get("categoryProbabilities").get("critical").asDouble())
                .isCloseTo(probability, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(p.get("agreement").get("kind").asText()).isIn("AGREE", "CATEGORIES_STRONGER", "CATEGORIES_WEAKER", "OPPOSITE");

        // A version trained without --activate is saved, not answering: the output says how to make it answer.
        CliRun second = run("train", "--algorithm", "logreg", "--seed", "3");
        assertThat(second.code()).isZero();
        assertThat(second.out()).contains("Version 2 does not answer predictions yet: 'java -jar target/outcome-desk.jar activate 2'");
        assertThat(run("activate", "2", "--json").json().get("version").asInt()).isEqualTo(2);
        assertThat(run("rollback", "--json").json().get("version").asInt()).isEqualTo(1);
        JsonNode models = run("models", "--json").json();
        assertThat(models.size()).isEqualTo(2);
        assertThat(models.get(0).get("status").asText()).isEqualTo("active");

        JsonNode metrics = run("metrics", "--json").json();
        assertThat(metrics.get("active").asInt()).isEqualTo(1);
        assertThat(metrics.get("history").size()).isEqualTo(2);
        assertThat(metrics.get("predictions").get("count").asLong()).isEqualTo(2); // the baseline's answer and the model's
        assertThat(metrics.get("metrics").get("evaluation").get("ablation").size()).isEqualTo(3);

        Path batch = dir.resolve("predictions.json");
        CliRun file = run("predict", "--input", TestStores.referenceSample().toString(), "--out", batch.toString(), "--json");
        assertThat(file.json().get("predicted").asLong()).isEqualTo(400);
        JsonNode rows = new ObjectMapper().readTree(Files.readString(batch));
        assertThat(rows.size()).isEqualTo(400);
        for (JsonNode row : rows) {
            JsonNode answer = row.get("prediction");
            boolean worse = answer.get("label").asText().equals("worse");
            assertThat(worse).isEqualTo(answer.get("probability").asDouble() >= 0.5);
            assertThat(answer.get("category").asText()).isIn(worse ? List.of("poor", "critical") : List.of("excellent", "good", "neutral"));
        }
        assertThat(file.json().get("answeredBy").asText()).isEqualTo("model version 1");

        Path mixed = dir.resolve("mixed.json");
        Files.writeString(mixed, "[{\"doctor_id\":\"dr_1\",\"summary\":\"Follow-up for asthma, inhaler adjusted.\"},"
                + "{\"doctor_id\":\"dr_1\"},{\"doctor_id\":\"dr_1\",\"summary\":\"Seen today with a cough.\",\"date\":17}]");
        JsonNode partly = run("predict", "--input", mixed.toString(), "--out", batch.toString(), "--json").json();
        assertThat(partly.get("predicted").asLong()).isEqualTo(1);
        assertThat(partly.get("rejectedTotal").asLong()).isEqualTo(2);
        assertThat(partly.get("rejected").get(0).get("position").asLong()).isEqualTo(2);
        assertThat(partly.get("rejected").get(0).get("reason").asText()).isEqualTo("missing or empty summary");
        assertThat(partly.get("rejected").get(1).get("position").asLong()).isEqualTo(3);
        assertThat(run("predict", "--input", mixed.toString(), "--out", batch.toString()).out())
                .contains("1 predictions written", "2 records rejected", "record 2: missing or empty summary",
                        "record 3: appointment_date must be text in double quotes, not a number");
        assertThat(run("predict", "--input", mixed.toString(), "--json").err())
                .contains("2 records rejected", "record 2: missing or empty summary");

        CliRun bad = run("activate", "9");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err().strip()).doesNotContain("\n").contains("no model version 9");
    }

    @Test
    void refusedArtifactsAreNamedInPredictAndModelsAndTheNetworkKeyImportRestoresThem() throws Exception {
        run("import", TestStores.referenceSample().toString());
        assertThat(run("train", "--algorithm", "logreg", "--folds", "2", "--activate").code()).isZero();
        Path key = dir.resolve("ours.key");
        assertThat(run("keys", "export-signing", "--out", key.toString(), "--json").json().get("exported").asText())
                .isEqualTo(key.toString());
        assertThat(run("keys", "export-signing", "--out", key.toString()).err()).contains("exists already");

        // This site now holds another key, as a site that has not imported the network's.
        com.outcomedesk.security.StoreSecrets.of(TestStores.h2(dir.resolve("home")))
                .replace(com.outcomedesk.security.StoreSecrets.Purpose.MODEL_SIGNING, new byte[32]);
        String foreign = "refused: signed with a key this site does not hold: import the network's signing key";
        JsonNode refused = run("predict", "--doctor", "dr_10", "--summary", "Cough.", "--json").json();
        assertThat(refused.get("answeredBy").asText()).isEqualTo("doctor-rate baseline from the store");
        assertThat(refused.get("fallbackReason").asText()).contains("version 1 could not be used: " + foreign);
        assertThat(run("models", "--json").json().get(0).get("artifact").asText()).isEqualTo(foreign);
        assertThat(run("models").out()).contains(foreign);

        assertThat(run("keys", "import-signing", key.toString(), "--json").json().get("resigned").asInt()).isZero();
        JsonNode answered = run("predict", "--doctor", "dr_10", "--summary", "Cough.", "--json").json();
        assertThat(answered.get("modelVersion").asInt()).isEqualTo(1);
        assertThat(answered.get("fallbackReason").isNull()).isTrue();
        assertThat(run("models", "--json").json().get(0).get("artifact").asText()).isEqualTo("ok");
    }
}
