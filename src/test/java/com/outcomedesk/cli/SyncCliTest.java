package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
