package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.security.KeyringSignIn;
import com.outcomedesk.security.PasswordHasher;
import com.outcomedesk.testing.HoldStore;
import com.outcomedesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store that cannot be opened or read says why, in one sentence that says what to do. */
class StoreMessagesCliTest {
    static final Map<String, String> ADMIN = Map.of(Passwords.PASSWORD_ENV, "river stone lantern");
    @TempDir Path dir;

    private Path home() {
        return dir.resolve("home");
    }

    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(home(), env, args);
    }

    private void encryptedStoreWithData() {
        assertThat(run(Map.of(), "import", TestStores.referenceSample().toString()).code()).isZero();
        CliRun init = run(ADMIN, "init", "--admin", "alice");
        assertThat(init.code()).as(init.err()).isZero();
    }

    @Test
    void aMissingKeyringIsNamedNotAServerOrACorruptHeader() throws Exception {
        encryptedStoreWithData();
        Files.move(home().resolve("outcome-desk.keyring"), dir.resolve("keyring.bak"));
        for (CliRun r : List.of(run(ADMIN, "--user", "alice", "status"), run(Map.of(), "status"))) {
            assertThat(r.code()).isNotZero();
            assertThat(r.err()).contains("is encrypted, but its keyring outcome-desk.keyring is missing",
                    "put back the keyring from the backup").doesNotContain("server", "corrupt");
        }
    }

    @Test
    void aStoreOpenInAnotherProcessNamesThatProcess() throws Exception {
        run(Map.of(), "import", TestStores.referenceSample().toString());
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldStore.class.getName(), home().toString())
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            String line;
            do {
                line = out.readLine();
            } while (line != null && !line.equals("open"));
            assertThat(line).as("the holding process opened the store").isEqualTo("open");
            CliRun busy = run(Map.of(), "status");
            assertThat(busy.code()).isNotZero();
            assertThat(busy.err()).contains("is in use by another OutcomeDesk window or command (process " + holder.pid()
                    + "); close it and try again.").doesNotContain("server", "password");
        } finally {
            holder.getOutputStream().close();
            if (!holder.waitFor(30, TimeUnit.SECONDS)) holder.destroyForcibly();
        }
        assertThat(run(Map.of(), "status").code()).as("free again once closed").isZero();
    }

    @Test
    void aDamagedEncryptedStoreSaysSoAndAuditVerifyDoesNotCallItIntact() throws Exception {
        encryptedStoreWithData();
        Path file = home().resolve("outcome-desk.mv.db");
        byte[] key = new KeyringSignIn(home().resolve("outcome-desk.keyring"), PasswordHasher.DEFAULT)
                .unlock("alice", ADMIN.get(Passwords.PASSWORD_ENV).toCharArray(), OffsetDateTime.now());
        List<TablePages.Span> pages = TablePages.leavesBelowTheRoot(file, key, dir.resolve("decrypted"));
        assertThat(pages).as("table pages that only a query reads").isNotEmpty();
        byte[] bytes = Files.readAllBytes(file);
        for (TablePages.Span page : pages) {
            for (long i = page.start(); i < page.end(); i++) bytes[(int) i] ^= (byte) 0xFF;
        }
        Files.write(file, bytes);

        CliRun status = run(ADMIN, "--user", "alice", "status");
        assertThat(status.code()).isNotZero();
        // The place is named when H2's error names one; which damaged page is read first varies from run to run.
        assertThat(status.err()).containsPattern("is damaged or was changed outside OutcomeDesk \\(it fails decryption"
                        + "( at (chunk \\d+|position 0x[0-9a-f]+))?\\); restore it from a backup")
                .doesNotContainIgnoringCase("select").doesNotContain("JDBC", "SQL");
        CliRun verify = run(ADMIN, "--user", "alice", "audit", "verify");
        assertThat(verify.code()).isNotZero();
        assertThat(verify.out()).doesNotContain("intact");
        assertThat(verify.err()).contains("is damaged or was changed outside OutcomeDesk");
    }

    @Test
    void anEncryptedStoreWithEveryBlockDamagedSaysSoWhileAWrongPasswordStillSaysWrongPassword() throws Exception {
        encryptedStoreWithData();
        Path file = home().resolve("outcome-desk.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        // Past the encryption header and the store's two header blocks: no chunk of data decrypts any more.
        for (int i = 3 * 4096; i < bytes.length; i++) bytes[i] ^= (byte) 0xFF;
        Files.write(file, bytes);

        CliRun wrong = run(Map.of(Passwords.PASSWORD_ENV, "not the password at all"), "--user", "alice", "status");
        assertThat(wrong.code()).isNotZero();
        assertThat(wrong.err()).contains("Wrong user name or password").doesNotContain("damaged");

        CliRun right = run(ADMIN, "--user", "alice", "status");
        assertThat(right.code()).isNotZero();
        assertThat(right.err()).contains("is damaged or was changed outside OutcomeDesk", "restore it from a backup")
                .doesNotContain("password");
        assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was, for a recovery").isEqualTo(bytes);
    }
}
