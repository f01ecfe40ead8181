package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@NeedsPostgres
class SyncCliTest {
    @TempDir Path dir;


    private CliRun run(String home, String... args) {
        return CliRun.of(dir.resolve(home), args);
    }

    @Test
    void offlineServerIsExitZeroWithReachableFalse() throws Exception {
        assertThat(run("a", "sync", "configure", "--server", "jdbc:postgresql://127.0.0.1:1/none", "--server-user", "u").code())
                .isZero();
        CliRun r = run("a", "sync", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("reachable").asBoolean()).isFalse();
        assertThat(r.json().get("complete").asBoolean()).isFalse();
        CliRun status = run("a", "sync", "status", "--json");
        assertThat(status.json().get("reachable").asBoolean()).isFalse();
        // The server as people read it, never the URL (which may carry a password).
        assertThat(status.json().get("server").asText()).isEqualTo("PostgreSQL server 127.0.0.1:1 / database none");
    }

    @Test
    void syncWithoutServerSaysWhatToDo() {
        CliRun r = run("a", "sync");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("sync configure --server");
    }

    @Test
    void twoSitesShareAppointmentsThroughTheServer() throws Exception {
        String schema = TestStores.createPostgresSchema();
        try {
            String url = TestStores.PG_URL + "?currentSchema=" + schema;
            assertThat(run("a", "import", TestStores.referenceSample().toString()).code()).isZero();
            for (String site : new String[] {"a", "b"}) {
                assertThat(run(site, "sync", "configure", "--server", url, "--server-user", TestStores.PG_USER).code()).isZero();
            }
            CliRun pushed = run("a", "sync", "--once", "--json");
            assertThat(pushed.json().get("pushed").asLong()).isGreaterThanOrEqualTo(400);
            CliRun pulled = run("b", "sync", "--json");
            assertThat(pulled.json().get("reachable").asBoolean()).isTrue();
            assertThat(pulled.json().get("pulledByTable").get("appointments").asLong()).isEqualTo(400);
            assertThat(run("b", "status", "--json").json().get("appointments").asLong()).isEqualTo(400);
            CliRun conflicts = run("b", "sync", "conflicts", "--json");
            assertThat(conflicts.json().get("conflicts")).isEmpty();
            String unknown = java.util.UUID.randomUUID().toString();
            assertThat(run("b", "sync", "conflicts", "confirm", unknown).err().strip())
                    .isEqualTo("outcome-desk: There is no conflict " + unknown + "; list them with 'sync conflicts'.");
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }

    @Test
    void aBrokenRowIsHeldBackListedWithoutItsValueAndRepaired() throws Exception {
        String schema = TestStores.createPostgresSchema();
        try (com.outcomedesk.engine.Engine engine = com.outcomedesk.engine.Engine.open(TestStores.h2(dir.resolve("a")))) {
            java.util.UUID id = engine.appointments().create(new com.outcomedesk.appointments.AppointmentInput("dr_1",
                    "Cough for two weeks.", null, null, null), com.outcomedesk.common.Actor.localUser()).id();
            // As a store written before the text rule holds it.
            engine.database().withConnection(c -> {
                try (var ps = c.prepareStatement("UPDATE appointments SET patient_ref = ? WHERE id = ?")) {
                    ps.setString(1, "SECRET\u0000REF");
                    ps.setObject(2, id);
                    return ps.executeUpdate();
                }
            });
        }
        try {
            String url = TestStores.PG_URL + "?currentSchema=" + schema;
            assertThat(run("a", "sync", "configure", "--server", url, "--server-user", TestStores.PG_USER).code()).isZero();
            CliRun sync = run("a", "sync");
            assertThat(sync.out()).contains("1 record held back: see 'sync quarantine'.");
            CliRun list = run("a", "sync", "quarantine", "--json");
            assertThat(list.json().get("quarantine").get(0).get("field").asText()).isEqualTo("patient_ref");
            assertThat(list.json().get("quarantine").get(0).get("reason").asText())
                    .isEqualTo("holds a control character at character 7");
            assertThat(run("a", "sync", "quarantine").out()).contains("patient_ref holds a control character at character 7")
                    .doesNotContain("SECRET");
            assertThat(run("a", "sync", "quarantine", "repair").code()).isNotZero();
            assertThat(run("a", "sync", "quarantine", "repair", "--all").out()).startsWith("Repaired 1 record;");
            CliRun again = run("a", "sync", "--json");
            assertThat(again.json().get("pushedByTable").get("appointments").asLong()).isEqualTo(1);
            assertThat(again.json().get("quarantined").asLong()).isZero();
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
