package com.outcomedesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.testing.TestStores;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyncCliTest {
    @TempDir Path dir;

    record Result(int code, String out, String err) {
        JsonNode json() throws Exception {
            return new ObjectMapper().readTree(out);
        }
    }

    private Result run(String home, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] all = new String[args.length + 2];
        all[0] = "--home";
        all[1] = dir.resolve(home).toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int code = OutcomeDeskCli.run(all, new PrintWriter(out), new PrintWriter(err));
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void offlineServerIsExitZeroWithReachableFalse() throws Exception {
        assertThat(run("a", "sync", "configure", "--server", "jdbc:postgresql://127.0.0.1:1/none", "--server-user", "u").code())
                .isZero();
        Result r = run("a", "sync", "--json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("reachable").asBoolean()).isFalse();
        assertThat(r.json().get("complete").asBoolean()).isFalse();
        Result status = run("a", "sync", "status", "--json");
        assertThat(status.json().get("reachable").asBoolean()).isFalse();
        assertThat(status.json().get("server").asText()).isEqualTo("jdbc:postgresql://127.0.0.1:1/none");
    }

    @Test
    void syncWithoutServerSaysWhatToDo() {
        Result r = run("a", "sync");
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
            Result pushed = run("a", "sync", "--once", "--json");
            assertThat(pushed.json().get("pushed").asLong()).isGreaterThanOrEqualTo(400);
            Result pulled = run("b", "sync", "--json");
            assertThat(pulled.json().get("reachable").asBoolean()).isTrue();
            assertThat(pulled.json().get("pulledByTable").get("appointments").asLong()).isEqualTo(400);
            assertThat(run("b", "status", "--json").json().get("appointments").asLong()).isEqualTo(400);
            Result conflicts = run("b", "sync", "conflicts", "--json");
            assertThat(conflicts.json().get("conflicts")).isEmpty();
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
