package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server on a PostgreSQL store: sign-in, a prediction saved with hostile text, the history read back. */
@NeedsPostgres
class PostgresServerTest {
    @TempDir
    Path dir;

    @Test
    void predictsAndPagesOnPostgres() {
        String schema = TestStores.createPostgresSchema();
        try (Engine engine = Engine.open(TestStores.postgres(dir, schema))) {
            engine.accounts().createFirstAdministrator("alice", ServerApiTest.ADMIN_PASSWORD.toCharArray());
            try (ApiServer server = ApiServer.start(engine, ServerOptions.loopbackHttp(0))) {
                ApiClient api = ApiClient.plain(server.port());
                String token = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
                ApiClient.Answer p = api.post("/api/v1/predict", token, "{\"doctorId\":\"dr_01\",\"summary\":"
                        + "\"Chest pain \\ud83e\\udec0 '); DELETE FROM predictions; -- \\u4e2d\\u6587\"}");
                // No appointment with an outcome yet: no model can answer, and nothing is saved.
                assertThat(p.status()).as(p.body()).isEqualTo(409);
                assertThat(p.json().get("type").asText()).isEqualTo("/problems/no-model");
                ApiClient.Answer page = api.get("/api/v1/predictions?label=worse&from=2020-01-01T00:00:00Z", token);
                assertThat(page.status()).as(page.body()).isEqualTo(200);
                assertThat(page.json().get("total").asLong()).isZero();
                assertThat(api.get("/api/v1/health/ready", null).status()).isEqualTo(200);
            }
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
