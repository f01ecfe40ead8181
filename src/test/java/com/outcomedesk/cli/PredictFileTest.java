package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code predict --input}: the file's rows are exactly what predicting each appointment alone answers. */
class PredictFileTest {
    @TempDir Path dir;
    private final ObjectMapper json = new ObjectMapper();

    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("home"), args);
    }

    @BeforeEach
    void trainedStore() {
        run("import", TestStores.referenceSample().toString());
        CliRun train = run("train", "--algorithm", "gbm", "--folds", "2", "--activate");
        assertThat(train.code()).as(train.err()).isZero();
    }

    @Test
    void everyRowEqualsTheSingleAnswerAndTheQuickStartWritesWhatTheEngineWrites() throws Exception {
        Path quick = dir.resolve("quick.json"), engine = dir.resolve("engine.json");
        CliRun file = run("predict", "--input", TestStores.referenceSample().toString(), "--out", quick.toString(), "--json");
        assertThat(file.code()).as(file.err()).isZero();
        assertThat(file.json().get("answeredBy").asText()).isEqualTo("model version 1");
        // --save-cutoffs needs the engine, so this run scores through it: the bytes must not differ.
        assertThat(run("predict", "--input", TestStores.referenceSample().toString(), "--out", engine.toString(),
                "--risk-cutoffs", "0.25,0.5", "--save-cutoffs").code()).isZero();
        assertThat(Files.readString(quick)).isEqualTo(Files.readString(engine));

        JsonNode rows = json.readTree(quick.toFile());
        JsonNode records = json.readTree(TestStores.referenceSample().toFile());
        assertThat(rows.size()).isEqualTo(records.size()).isEqualTo(400);
        try (Engine e = Engine.open(TestStores.h2(dir.resolve("home")))) {
            for (int i = 0; i < rows.size(); i++) {
                PredictionResult single = e.predictions().predict(request(records.get(i)));
                JsonNode p = rows.get(i).get("prediction");
                assertThat(rows.get(i).get("id").asText()).isEqualTo(records.get(i).get("id").asText());
                assertThat(p.get("label").asText()).isEqualTo(single.label());
                assertThat(p.get("probability").asDouble()).isEqualTo(single.probability());
                assertThat(p.get("category").asText()).isEqualTo(single.category());
                for (Map.Entry<String, Double> c : single.categoryProbabilities().entrySet()) {
                    assertThat(p.get("categoryProbabilities").get(c.getKey()).asDouble()).isEqualTo(c.getValue());
                }
                assertThat(p.get("riskTier").asText()).isEqualTo(single.riskTier());
                assertThat(p.get("doctorKnown").asBoolean()).isEqualTo(single.doctorKnown());
                assertThat(p.get("agreement").asText()).isEqualTo(single.agreement().kind().name());
                assertThat(p.has("explanation")).isFalse();
            }
        }
    }

    @Test
    void explainGivesEachRowItsStrongestFactorsAsTheSingleAnswerOrdersThem() throws Exception {
        Path out = dir.resolve("explained.json");
        CliRun file = run("predict", "--input", TestStores.referenceSample().toString(), "--out", out.toString(), "--explain", "2");
        assertThat(file.code()).as(file.err()).isZero();
        JsonNode rows = json.readTree(out.toFile());
        JsonNode records = json.readTree(TestStores.referenceSample().toFile());
        try (Engine e = Engine.open(TestStores.h2(dir.resolve("home")))) {
            for (int i = 0; i < rows.size(); i++) {
                PredictionResult single = e.predictions().predict(request(records.get(i)));
                JsonNode p = rows.get(i).get("prediction");
                assertThat(p.get("probability").asDouble()).isEqualTo(single.probability());
                assertThat(p.get("baseValue").asDouble()).isEqualTo(single.baseValue());
                JsonNode factors = p.get("explanation");
                assertThat(factors.size()).isEqualTo(Math.min(2, single.explanation().size()));
                Iterator<Contribution> expected = single.explanation().iterator();
                for (JsonNode f : factors) {
                    Contribution c = expected.next();
                    assertThat(f.get("term").asText()).isEqualTo(c.term());
                    assertThat(f.get("weight").asDouble()).isEqualTo(c.weight());
                    assertThat(f.get("kind").asText()).isEqualTo(c.kind().name());
                }
                if (single.whyNot() == null) assertThat(p.has("whyNot")).isFalse();
                else assertThat(p.get("whyNot").get("term").asText()).isEqualTo(single.whyNot().term());
            }
        }
        assertThat(run("predict", "--doctor", "dr_1", "--summary", "Cough.", "--explain").err()).contains("--explain N goes with --input");
    }

    private static PredictionRequest request(JsonNode r) {
        JsonNode date = r.get("appointment_date");
        return new PredictionRequest(r.get("doctor_id").asText(), r.get("summary").asText(),
                date == null || date.isNull() ? null : LocalDate.parse(date.asText().substring(0, 10)));
    }
}
