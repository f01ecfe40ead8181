package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engine refuses by field and reason; the command line says it with its own option names and commands. */
class EngineRefusalsCliTest {
    @TempDir Path dir;

    private String refusal(String... args) {
        CliRun r = CliRun.of(dir.resolve("home"), args);
        assertThat(r.code()).as("refused, not a usage error").isEqualTo(1);
        return r.err().strip();
    }

    @Test
    void refusalsNameTheOptionsAndTheCommandsToRun() {
        assertThat(refusal("predict", "--doctor", " ", "--summary", "Cough."))
                .isEqualTo("outcome-desk: Give the doctor id (--doctor).");
        assertThat(refusal("predict", "--doctor", "dr_1", "--summary", " "))
                .isEqualTo("outcome-desk: Give the appointment summary (--summary).");
        assertThat(refusal("train", "--folds", "1")).isEqualTo("outcome-desk: --folds must be between 2 and 20");
        assertThat(refusal("bench", "--records", "10"))
                .isEqualTo("outcome-desk: --records must be between 1,000 and 20,000,000");
        assertThat(refusal("activate", "7")).isEqualTo("outcome-desk: There is no model version 7: see 'models'.");
        assertThat(refusal("metrics", "--version", "7")).isEqualTo("outcome-desk: There is no model version 7: see 'models'.");
        assertThat(refusal("rollback"))
                .isEqualTo("outcome-desk: There is no earlier active version to roll back to: see 'models'.");
        assertThat(refusal("sync", "quarantine", "repair", "nope"))
                .isEqualTo("outcome-desk: 'nope' is not an appointment id; copy one from 'sync quarantine'.");
    }

    @Test
    void filesOfTheWrongKindSayWhichCommandWritesOne() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.json"), "{}");
        assertThat(refusal("audit", "verify", "--checkpoint", empty.toString())).isEqualTo("outcome-desk: " + empty
                + " is not an audit checkpoint (site, lastHash, time or signature is missing); write one with: audit"
                + " checkpoint --out FILE");
        assertThat(refusal("keys", "import-signing", empty.toString()))
                .isEqualTo("outcome-desk: " + empty + " is not a model-signing key file (written by 'keys export-signing').");
    }
}
