package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir Path dir;


    private CliRun run(String... args) {
        return CliRun.of(dir.resolve("home"), args);
    }

    @Test
    void importPrintsExactlyOneJsonDocumentAndIsIdempotent() throws Exception {
        String sample = TestStores.referenceSample().toString();
        CliRun first = run("import", "--json", sample);
        assertThat(first.code()).isZero();
        JsonNode json = first.json();
        assertThat(json.get("imported").asLong()).isEqualTo(400);
        assertThat(json.get("skipped").asLong()).isZero();
        assertThat(json.get("rejected").isArray()).isTrue();
        assertThat(json.get("conflicting").isArray()).isTrue();
        assertThat(json.get("conflictingTotal").asLong()).isZero();

        JsonNode again = run("import", "--json", sample).json();
        assertThat(again.get("imported").asLong()).isZero();
        assertThat(again.get("skipped").asLong()).isEqualTo(400);
        assertThat(run("status", "--json").json().get("appointments").asLong()).isEqualTo(400);
    }

    @Test
    void aMalformedFileFailsWithOneLineOnStderrAndChangesNothing() throws Exception {
        run("import", TestStores.referenceSample().toString());
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "[{\"doctor_id\": \"dr_1\", \"summary\": \"ok\"}, {\"doctor_id\": ");
        CliRun result = run("import", "--json", bad.toString());
        assertThat(result.code()).isNotZero();
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).doesNotContain("\n").contains("malformed");
        assertThat(run("status", "--json").json().get("appointments").asLong()).isEqualTo(400);
    }

    @Test
    void demoDataWritesAFileThatImportsCleanly() throws Exception {
        Path out = dir.resolve("demo.json");
        Path truth = dir.resolve("truth.csv");
        CliRun gen = run("demo-data", "--records", "3000", "--seed", "4", "--out", out.toString(),
                "--truth", truth.toString(), "--json");
        assertThat(gen.code()).isZero();
        assertThat(gen.json().get("plantedOutliers").size()).isGreaterThanOrEqualTo(2);
        assertThat(Files.readAllLines(truth)).hasSize(3001);
        JsonNode imported = run("import", "--json", out.toString()).json();
        assertThat(imported.get("imported").asLong()).isEqualTo(3000);
        assertThat(imported.get("rejected").size()).isZero();
    }

    @Test
    void exportWritesTheReferenceFormatBack() throws Exception {
        run("import", TestStores.referenceSample().toString());
        Path out = dir.resolve("out.json");
        assertThat(run("export", out.toString()).code()).isZero();
        JsonNode array = new ObjectMapper().readTree(out.toFile());
        assertThat(array.size()).isEqualTo(400);
        assertThat(array.get(0).has("doctor_id")).isTrue();
        assertThat(array.get(0).has("future_outcome")).isTrue();
    }

    @Test
    void unknownCommandsAndOptionsAreUsageErrors() {
        CliRun r = run("frobnicate");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("frobnicate");
    }

    @Test
    void anUnreachableDatabaseIsReportedClearly() {
        CliRun r = run("--db", "jdbc:postgresql://127.0.0.1:1/none", "status");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("Cannot open the PostgreSQL server 127.0.0.1:1 / database none")
                .contains("Check that the server is running").doesNotContain("jdbc:");
    }
}
