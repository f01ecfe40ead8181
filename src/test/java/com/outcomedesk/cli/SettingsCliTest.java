package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings rate-limits}: an administrator reads and changes the server's limits in the store. */
class SettingsCliTest {
    @TempDir Path dir;

    private CliRun run(String password, String... args) {
        return CliRun.of(dir.resolve("home"), Map.of(Passwords.PASSWORD_ENV, password), args);
    }

    @Test
    void anAdministratorChangesTheRateLimitsAClinicianCannot() throws Exception {
        assertThat(run(SecurityCliTest.ADMIN_PW, "init", "--admin", "alice").code()).isZero();
        Map<String, String> env = new HashMap<>(Map.of(Passwords.PASSWORD_ENV, SecurityCliTest.ADMIN_PW,
                Passwords.NEW_PASSWORD_ENV, SecurityCliTest.CLINICIAN_PW));
        assertThat(CliRun.of(dir.resolve("home"), env, "--user", "alice", "users", "add", "carol").code()).isZero();

        JsonNode shown = run(SecurityCliTest.ADMIN_PW, "--user", "alice", "settings", "rate-limits", "--json").json();
        assertThat(shown.get("signIn").asInt()).isEqualTo(10);
        CliRun bad = run(SecurityCliTest.ADMIN_PW, "--user", "alice", "settings", "rate-limits", "--sign-in", "0");
        assertThat(bad.code()).isNotZero();
        assertThat(bad.err()).contains("from 1 to");
        CliRun changed = run(SecurityCliTest.ADMIN_PW, "--user", "alice", "settings", "rate-limits", "--sign-in", "4", "--json");
        assertThat(changed.code()).as(changed.err()).isZero();
        assertThat(changed.json().get("signIn").asInt()).isEqualTo(4);
        assertThat(run(SecurityCliTest.ADMIN_PW, "--user", "alice", "settings", "rate-limits", "--json").json()
                .get("signIn").asInt()).isEqualTo(4);
        assertThat(run(SecurityCliTest.ADMIN_PW, "--user", "alice", "audit", "list", "--action", "setting-change", "--json").out()).contains("signIn 10 -> 4");
        CliRun refused = run(SecurityCliTest.CLINICIAN_PW, "--user", "carol", "settings", "rate-limits", "--train", "1");
        assertThat(refused.code()).isNotZero();
        assertThat(refused.err()).contains("only an administrator");
    }
}
