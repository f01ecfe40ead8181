package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.audit.ChainForger;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line with accounts: init, signing in, roles, user management, audit and exports. */
class SecurityCliTest {
    static final String ADMIN_PW = "river stone lantern";
    static final String CLINICIAN_PW = "quiet meadow 42";
    @TempDir Path dir;


    private CliRun run(Map<String, String> env, String... args) {
        return CliRun.of(dir.resolve("home"), env, args);
    }

    private static Map<String, String> pw(String password) {
        return Map.of(Passwords.PASSWORD_ENV, password);
    }

    private static Map<String, String> pw(String password, String newPassword) {
        Map<String, String> env = new HashMap<>(pw(password));
        env.put(Passwords.NEW_PASSWORD_ENV, newPassword);
        return env;
    }

    @Test
    void accountsRolesAndAuditOnTheCommandLine() throws Exception {
        String sample = TestStores.referenceSample().toString();
        assertThat(run(Map.of(), "import", sample).code()).isZero();   // no accounts yet: works as before

        assertThat(run(pw("short"), "init", "--admin", "alice").err()).contains("at least 12 characters");
        CliRun init = run(pw(ADMIN_PW), "init", "--admin", "alice", "--json");
        assertThat(init.code()).as(init.err()).isZero();
        assertThat(init.json().get("encrypted").asBoolean()).isTrue();
        assertThat(run(pw(ADMIN_PW), "init", "--admin", "mallory").code()).isNotZero();

        CliRun anonymous = run(Map.of(), "status");
        assertThat(anonymous.code()).isNotZero();
        assertThat(anonymous.err()).contains("--user NAME");

        CliRun wrong = run(pw("not the password"), "--user", "alice", "import", "--json", sample);
        assertThat(wrong.code()).isNotZero();
        assertThat(wrong.out()).isEmpty();
        assertThat(wrong.err().strip()).isEqualTo("outcome-desk: " + com.outcomedesk.security.AccountService.WRONG_CREDENTIALS);

        CliRun status = run(pw(ADMIN_PW), "--user", "alice", "status", "--json");
        assertThat(status.code()).as(status.err()).isZero();
        assertThat(status.json().get("appointments").asLong()).isEqualTo(400);

        assertThat(run(pw(ADMIN_PW, CLINICIAN_PW), "--user", "alice", "users", "add", "carol").code()).isZero();
        JsonNode users = run(pw(ADMIN_PW), "--user", "alice", "users", "--json").json();
        assertThat(users).hasSize(2);
        assertThat(users.get(1).get("role").asText()).isEqualTo("CLINICIAN");

        CliRun refused = run(pw(CLINICIAN_PW, "another long phrase"), "--user", "carol", "users", "add", "dave");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("only an administrator can add users");
        assertThat(run(pw(CLINICIAN_PW), "--user", "carol", "export", dir.resolve("all.json").toString()).err())
                .contains("only an administrator can export identifiable patient data");
        assertThat(dir.resolve("all.json")).doesNotExist();
        CliRun deid = run(pw(CLINICIAN_PW), "--user", "carol", "export", "--deidentified", "--json",
                dir.resolve("deid.csv").toString());
        assertThat(deid.code()).as(deid.err()).isZero();
        assertThat(deid.json().get("exported").asLong()).isEqualTo(400);
        assertThat(run(pw(CLINICIAN_PW), "--user", "carol", "audit", "list").err()).contains("only an administrator");

        CliRun list = run(pw(ADMIN_PW), "--user", "alice", "audit", "list", "--action", "sign-in-failed", "--json");
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("user").asText()).isEqualTo("alice");
        CliRun exported = run(pw(ADMIN_PW), "--user", "alice", "audit", "list", "--limit", "0", "--out",
                dir.resolve("audit.csv").toString());
        assertThat(exported.code()).isZero();
        assertThat(Files.readString(dir.resolve("audit.csv"))).contains("sign-in", "user-create", "export", "import");

        CliRun verify = run(pw(ADMIN_PW), "--user", "alice", "audit", "verify", "--json");
        assertThat(verify.code()).as(verify.err()).isZero();
        assertThat(verify.json().get("intact").asBoolean()).isTrue();
        assertThat(verify.json().get("checked").asLong()).isGreaterThan(10);

        assertThat(run(pw(ADMIN_PW), "--user", "alice", "users", "disable", "carol").code()).isZero();
        assertThat(run(pw(CLINICIAN_PW), "--user", "carol", "status").err()).contains("Wrong user name or password");
    }

    @Test
    void auditVerifyReportsTheFirstBrokenLinkAfterARowIsAlteredOrDeleted() throws Exception {
        Path home = dir.resolve("home");
        run(Map.of(), "import", TestStores.referenceSample().toString());
        run(Map.of(), "export", dir.resolve("a.json").toString());
        run(Map.of(), "export", dir.resolve("b.json").toString());
        assertThat(run(Map.of(), "audit", "verify", "--json").json().get("intact").asBoolean()).isTrue();

        String url = "jdbc:h2:file:" + home.toAbsolutePath().resolve("outcome-desk");
        sql(url, "UPDATE audit_log SET details = 'mode=deidentified' WHERE seq = 2");
        CliRun altered = run(Map.of(), "audit", "verify", "--json");
        assertThat(altered.code()).isEqualTo(1);
        assertThat(altered.json().get("firstBreak").get("seq").asLong()).isEqualTo(2);
        assertThat(altered.json().get("firstBreak").get("reason").asText()).contains("altered");

        sql(url, "DELETE FROM audit_log WHERE seq = 2");
        CliRun deleted = run(Map.of(), "audit", "verify");
        assertThat(deleted.code()).isEqualTo(1);
        assertThat(deleted.out()).contains("entry 2 is missing");
    }

    @Test
    void anEntryRewrittenWithPlainHashesRecomputedAfterItFailsVerification() throws Exception {
        run(Map.of(), "import", TestStores.referenceSample().toString());
        run(Map.of(), "export", dir.resolve("a.json").toString());
        run(Map.of(), "export", dir.resolve("b.json").toString());
        String url = "jdbc:h2:file:" + dir.resolve("home").toAbsolutePath().resolve("outcome-desk");
        String site = ChainForger.siteOf(url);

        sql(url, "UPDATE audit_log SET details = 'mode=deidentified' WHERE seq = 2");
        ChainForger.relinkPlain(url, site, 2);
        CliRun forged = run(Map.of(), "audit", "verify", "--json");
        assertThat(forged.code()).as(forged.out()).isEqualTo(1);
        assertThat(forged.json().get("firstBreak").get("seq").asLong()).isEqualTo(2);
        assertThat(forged.json().get("firstBreak").get("reason").asText()).contains("without the store's audit key");
    }

    @Test
    void deletingTheNewestEntriesIsDetectedOnlyAgainstASignedCheckpoint() throws Exception {
        run(Map.of(), "import", TestStores.referenceSample().toString());
        Path file = dir.resolve("checkpoint.json");
        CliRun signed = run(Map.of(), "audit", "checkpoint", "--out", file.toString(), "--json");
        assertThat(signed.code()).as(signed.err()).isZero();
        long last = signed.json().get("lastSeq").asLong();
        assertThat(signed.json().get("verifiableBy").asText()).contains("audit key");
        assertThat(Files.readString(file)).contains("\"signature\"");
        run(Map.of(), "export", dir.resolve("a.json").toString());
        CliRun before = run(Map.of(), "audit", "verify", "--checkpoint", file.toString());
        assertThat(before.code()).as(before.out()).isZero();
        assertThat(before.out()).contains("No entry was deleted since the checkpoint");

        String url = "jdbc:h2:file:" + dir.resolve("home").toAbsolutePath().resolve("outcome-desk");
        sql(url, "DELETE FROM audit_log WHERE seq >= " + (last - 1));
        CliRun plain = run(Map.of(), "audit", "verify");
        assertThat(plain.code()).as("without a checkpoint the chain cannot show it").isZero();
        assertThat(plain.out()).contains("Deleting the newest entries leaves no trace");
        CliRun checked = run(Map.of(), "audit", "verify", "--checkpoint", file.toString(), "--json");
        assertThat(checked.code()).isEqualTo(1);
        assertThat(checked.json().get("firstBreak").get("reason").asText()).contains("since the checkpoint");

        Files.writeString(file, Files.readString(file).replaceFirst("\"count\" : \\d+", "\"count\" : 99"));
        CliRun altered = run(Map.of(), "audit", "verify", "--checkpoint", file.toString(), "--json");
        assertThat(altered.code()).isEqualTo(1);
        assertThat(altered.json().get("firstBreak").get("reason").asText()).contains("signature does not match");
    }

    private static void sql(String url, String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.executeUpdate(statement);
        }
    }
}
