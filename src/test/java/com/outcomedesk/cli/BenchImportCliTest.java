package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The import benchmark measures an encrypted store as well as a plain one, with CPU and the store's final size. */
class BenchImportCliTest {
    @TempDir
    Path dir;

    @Test
    void encryptedRunImportsIntoAnEncryptedStoreAndReportsItsCost() throws Exception {
        CliRun run = CliRun.of(dir, "bench-import", "--records", "300", "--encrypted", "--json");
        assertThat(run.code()).as(run.err()).isZero();
        JsonNode json = run.json();
        assertThat(json.get("encrypted").asBoolean()).isTrue();
        assertThat(json.get("imported").asLong()).isEqualTo(300);
        assertThat(json.get("importCpuSeconds").asDouble()).isPositive();
        assertThat(json.get("storeMegabytes").isNumber()).isTrue();
    }

    @Test
    void plainRunSaysItIsNotEncrypted() throws Exception {
        JsonNode json = CliRun.of(dir, "bench-import", "--records", "300", "--json").json();
        assertThat(json.get("encrypted").asBoolean()).isFalse();
        assertThat(json.get("imported").asLong()).isEqualTo(300);
    }
}
