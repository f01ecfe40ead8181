package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** backup, backup verify and restore from the command line: a lost data directory comes back from the file. */
class BackupCliTest {
    @TempDir Path dir;

    @Test
    void aBackupVerifiesAndRestoresIntoANewDirectoryAndReplacesOnlyWhenConfirmed() throws Exception {
        Path home = dir.resolve("home");
        assertThat(CliRun.of(home, "import", TestStores.referenceSample().toString()).code()).isZero();
        Path file = dir.resolve("site.odbackup");
        CliRun overdue = CliRun.of(home, "monitor", "--alerts", "--json");
        assertThat(overdue.code()).as("open alerts").isEqualTo(3);
        assertThat(overdue.json().get("alerts").get(0).get("rule").asText()).isEqualTo("no-backup");
        CliRun backup = CliRun.of(home, "backup", "--out", file.toString(), "--json");
        assertThat(backup.code()).as(backup.err()).isZero();
        CliRun settled = CliRun.of(home, "monitor", "--alerts", "--json");
        assertThat(settled.code()).as("the backup settled the alert it asked for").isZero();
        assertThat(settled.json().get("alerts").get(0).get("acknowledgedBy").asText()).startsWith("the backup of ");
        JsonNode b = backup.json();
        long appointments = b.get("tables").get("appointments").asLong();
        assertThat(appointments).isPositive();
        assertThat(b.get("encryption").asText()).isEqualTo("none");
        assertThat(CliRun.of(home, "backup", "--out", file.toString()).err()).contains("exists already");
        assertThat(CliRun.of(home, "status", "--json").json().get("lastBackup").get("file").asText())
                .isEqualTo(file.toAbsolutePath().toString());

        CliRun verify = CliRun.of(home, "backup", "verify", file.toString(), "--json");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.json().get("sound").asBoolean()).isTrue();
        assertThat(verify.json().get("tables").get("appointments").asLong()).isEqualTo(appointments);

        Path fresh = dir.resolve("fresh");
        CliRun restore = CliRun.of(home, "restore", file.toString(), "--into", fresh.toString(), "--json");
        assertThat(restore.code()).as(restore.err()).isZero();
        assertThat(restore.json().get("auditIntact").asBoolean()).isTrue();
        assertThat(CliRun.of(fresh, "status").out()).contains(appointments + " appointments");

        CliRun again = CliRun.of(home, "restore", file.toString(), "--into", fresh.toString());
        assertThat(again.code()).isEqualTo(1);
        assertThat(again.err()).contains("holds a store already");
        CliRun replace = CliRun.of(home, "restore", file.toString(), "--into", fresh.toString(), "--replace", "--json");
        assertThat(replace.code()).as(replace.err()).isZero();
        Path kept = Path.of(replace.json().get("keptAside").asText());
        assertThat(kept.getFileName().toString()).startsWith("fresh.replaced-");
        assertThat(kept.resolve("outcome-desk.mv.db")).exists();
    }

    @Test
    void aPassphraseBackupNeedsItsPassphraseAndADamagedOneIsNamed() throws Exception {
        Path home = dir.resolve("home");
        CliRun.of(home, "import", TestStores.referenceSample().toString());
        Path file = dir.resolve("sealed.odbackup");
        Map<String, String> env = Map.of(BackupCommand.PASSPHRASE_ENV, "a long passphrase");
        assertThat(CliRun.of(home, env, "backup", "--out", file.toString(), "--encrypt").out()).contains("encrypted with the passphrase");
        assertThat(CliRun.of(home, Map.of(), "backup", "verify", file.toString()).err())
                .contains(BackupCommand.PASSPHRASE_ENV);
        assertThat(CliRun.of(home, Map.of(BackupCommand.PASSPHRASE_ENV, "wrong"), "backup", "verify", file.toString()).err())
                .contains("passphrase does not open this backup");
        assertThat(CliRun.of(home, env, "backup", "verify", file.toString()).code()).isZero();

        Path cut = dir.resolve("cut.odbackup");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        CliRun damaged = CliRun.of(home, env, "restore", cut.toString(), "--into", dir.resolve("x").toString());
        assertThat(damaged.code()).isEqualTo(1);
        assertThat(damaged.err()).contains("cut off or damaged");
        assertThat(dir.resolve("x")).doesNotExist();
    }
}
