package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line hints name the way the command line is really started: there is no 'outcome-desk' launcher. */
class LauncherHintsCliTest {
    @TempDir Path dir;

    @Test
    void aUsageErrorPointsAtTheJarsHelpForThatCommand() {
        CliRun run = CliRun.of(dir, "predict", "--no-such-option");
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("(see 'java -jar target/outcome-desk.jar help predict')")
                .doesNotContain("'outcome-desk help");
    }

    @Test
    void anEmptyStoreSaysWhatToRunWithTheJar() {
        CliRun predict = CliRun.of(dir, "predict", "--doctor", "dr_1", "--summary", "Cough.");
        assertThat(predict.err()).contains("no model version is active yet")
                .contains("then run 'java -jar target/outcome-desk.jar train --activate'");
        CliRun doctors = CliRun.of(dir, "doctors");
        assertThat(doctors.err()).contains("(java -jar target/outcome-desk.jar import FILE)").doesNotContain("(outcome-desk import");
    }

    @Test
    void syncWithoutAServerSaysHowToConfigureOneWithTheJar() {
        CliRun sync = CliRun.of(dir, "sync");
        assertThat(sync.code()).isNotZero();
        assertThat(sync.err()).contains("No sync server is configured.")
                .contains("'java -jar target/outcome-desk.jar sync configure --server");
    }

    @Test
    void versionComesFromTheBuild() {
        assertThat(CliRun.of(dir, "--version").out().strip()).isEqualTo("OutcomeDesk " + com.outcomedesk.common.AppVersion.current());
    }
}
