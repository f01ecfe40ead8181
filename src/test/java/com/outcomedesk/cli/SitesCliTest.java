package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.ApiServer;
import com.outcomedesk.server.ServerOptions;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's administrator registers and revokes a site; the site enrols and syncs with no database login. */
class SitesCliTest {
    @TempDir Path dir;

    @Test
    void aSiteEnrolsSyncsAndIsLockedOutWhenRevoked() throws Exception {
        CliRun added = CliRun.of(dir.resolve("server"), "sites", "add", "Clinic-North", "--json");
        assertThat(added.code()).as(added.err()).isZero();
        assertThat(added.json().get("site").asText()).isEqualTo("clinic-north");
        String code = added.json().get("code").asText();
        assertThat(code).matches("[0-9A-Z]{5}(-[0-9A-Z]{5}){3}");
        assertThat(CliRun.of(dir.resolve("server"), "sites", "add", "clinic-north").err()).contains("exists already");
        assertThat(CliRun.of(dir.resolve("site"), "import", TestStores.referenceSample().toString()).code()).isZero();

        try (Engine hub = Engine.open(TestStores.h2(dir.resolve("server")));
             ApiServer server = ApiServer.start(hub, ServerOptions.loopbackHttp(0))) {
            String url = "http://127.0.0.1:" + server.port();
            CliRun enrolled = CliRun.of(dir.resolve("site"), "sync", "enroll", "--server", url, "--code", code, "--json");
            assertThat(enrolled.code()).as(enrolled.err()).isZero();
            assertThat(enrolled.json().get("site").asText()).isEqualTo("clinic-north");
            assertThat(CliRun.of(dir.resolve("site"), "sync", "enroll", "--server", url, "--code", code).err())
                    .as("a code works once").contains("not known to the server");

            CliRun synced = CliRun.of(dir.resolve("site"), "sync", "--once", "--json");
            assertThat(synced.code()).as(synced.err()).isZero();
            assertThat(synced.json().get("complete").asBoolean()).isTrue();
            assertThat(synced.json().get("pushedByTable").get("appointments").asLong()).isPositive();
            long onServer = hub.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM appointments").mapTo(Long.class).one());
            assertThat(onServer).isEqualTo(synced.json().get("pushedByTable").get("appointments").asLong());

            hub.sync().sites().revoke("clinic-north", com.outcomedesk.common.Actor.localUser());
            CliRun refused = CliRun.of(dir.resolve("site"), "sync", "--once");
            assertThat(refused.code()).isEqualTo(1);
            assertThat(refused.err()).contains("revoked").contains("intact");
        }
        try (Engine site = Engine.open(TestStores.h2(dir.resolve("site")))) {
            assertThat(site.sync().login()).as("the credential is kept").isPresent();
            long inSettings = site.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM settings WHERE setting_value = :s")
                    .bind("s", site.sync().login().orElseThrow().secret()).mapTo(Long.class).one());
            assertThat(inSettings).as("the secret is never a plain setting").isZero();
        }
        CliRun listed = CliRun.of(dir.resolve("server"), "sites", "--json");
        assertThat(listed.json().get("sites").get(0).get("status").asText()).isEqualTo("revoked");
    }

    @Test
    void anAdministratorSetsASitesScopes() throws Exception {
        Path server = dir.resolve("server");
        assertThat(CliRun.of(server, "sites", "add", "clinic-north").code()).isZero();
        CliRun scoped = CliRun.of(server, "sites", "scope", "clinic-north", "--pull", "clinic-north, clinic-south",
                "--push", "clinic-north", "--json");
        assertThat(scoped.code()).as(scoped.err()).isZero();
        assertThat(scoped.json().get("pullScope").asText()).isEqualTo("clinic-north,clinic-south");
        assertThat(scoped.json().get("pushScope").asText()).isEqualTo("clinic-north");
        assertThat(CliRun.of(server, "sites", "scope", "clinic-north", "--push", "*").err())
                .contains("must lie within its pull scope");
        assertThat(CliRun.of(server, "sites", "scope", "clinic-north", "--pull", "Clinic North!").err())
                .contains("site names or store site ids");
        assertThat(CliRun.of(server, "sites", "scope", "clinic-north").err()).contains("Give --push SCOPE, --pull SCOPE");
        assertThat(CliRun.of(server, "sites").out()).contains("push clinic-north").contains("pull clinic-north,clinic-south");
    }
}
