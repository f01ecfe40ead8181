package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InsightCliTest {
    @TempDir Path dir;


    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("home"), args);
    }

    @Test
    void doctorsClustersAndSimilarPrintOneJsonDocumentEach() throws Exception {
        assertThat(run("doctors").code()).as("nothing imported yet").isNotZero();
        run("import", TestStores.referenceSample().toString());

        JsonNode doctors = run("doctors", "--method", "funnel", "--json").json();
        assertThat(doctors.isArray()).isTrue();
        assertThat(doctors).hasSize(10);
        for (String field : new String[] {"doctorId", "rank", "cases", "averageScore", "weightedScore", "worseRate",
                "shrunkRate", "lower", "upper", "outlier", "method"}) {
            assertThat(doctors.get(0).has(field)).as(field).isTrue();
        }
        assertThat(doctors.get(0).get("method").asText()).isEqualTo("funnel");

        JsonNode reference = run("doctors", "--json").json();
        assertThat(reference.get(0).get("doctorId").asText()).isEqualTo("dr_03");
        assertThat(reference.get(0).get("outlier").asText()).isEqualTo("good");
        assertThat(reference.get(1).get("outlier").isNull()).isTrue();

        JsonNode caseMix = run("doctors", "--case-mix", "--json").json();
        assertThat(caseMix.get("model").asText()).as("no model trained yet: the baseline answers").contains("baseline");
        assertThat(caseMix.get("rows")).hasSize(10);
        assertThat(caseMix.get("cases").asLong()).isEqualTo(caseMix.get("rows").findValues("cases").stream()
                .mapToLong(JsonNode::asLong).sum());
        for (String field : new String[] {"doctorId", "cases", "observedWorse", "expectedWorse", "ratio", "lower998",
                "upper998", "adjustedP", "outlier"}) {
            assertThat(caseMix.get("rows").get(0).has(field)).as(field).isTrue();
        }

        JsonNode clusters = run("clusters", "--json").json();
        assertThat(clusters.get("groups").size()).isPositive();
        assertThat(clusters.get("groups").findValues("sharedFeatures")).anyMatch(f -> f.size() > 0);
        assertThat(clusters.get("groups").findValues("type")).as("reasons are clinical features, never outcomes")
                .isNotEmpty().noneMatch(t -> t.asText().equals("outcome"));
        assertThat(clusters.get("groups").get(0).get("outcomes")).as("the outcome mix is reported on its own").hasSize(5);
        assertThat(clusters.get("map").size()).isEqualTo(clusters.get("diseases").asInt());

        JsonNode similar = run("similar", "--disease", "asthma", "--top", "2", "--json").json();
        assertThat(similar.get("disease").asText()).isEqualTo("asthma");
        assertThat(similar.get("similar")).hasSize(2);
        assertThat(run("similar", "--disease", "asthma", "--top", "0").err().strip())
                .isEqualTo("outcome-desk: --top must be at least 1");
    }

    @Test
    void badInputFailsWithOneLineSayingWhatToDo() {
        run("import", TestStores.referenceSample().toString());
        CliRun unknown = run("similar", "--disease", "astma", "--json");
        assertThat(unknown.code()).isNotZero();
        assertThat(unknown.out()).isEmpty();
        assertThat(unknown.err().strip()).doesNotContain("\n").contains("asthma");
        CliRun pasted = run("similar", "--disease", "x".repeat(100_000));
        assertThat(pasted.code()).isNotZero();
        assertThat(pasted.err()).contains("'" + "x".repeat(60) + "… (100000 characters)'").hasSizeLessThan(600);
        CliRun method = run("doctors", "--method", "best");
        assertThat(method.code()).isNotZero();
        assertThat(method.err()).contains("reference, iqr, zscore or funnel");
    }
}
