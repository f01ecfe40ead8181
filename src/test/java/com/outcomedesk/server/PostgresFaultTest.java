package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.store.AuditRepository;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.store.TrainingJobRepository;
import com.outcomedesk.store.TrainingJobRow;
import com.outcomedesk.testing.FaultyProxy;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database stops under a running server (PostgreSQL behind a proxy the test cuts): readiness goes 503, requests
 * answer 503 problem documents rather than 500s, a refused change leaves nothing behind, and all is well again once
 * the database is back. And a restart with a job in flight marks it failed.
 */
@NeedsPostgres
class PostgresFaultTest {
    @TempDir
    Path dir;

    @Test
    void theDatabaseStopsWhileTheServerRunsAndComesBack() throws Exception {
        String schema = TestStores.createPostgresSchema();
        URI pg = URI.create(TestStores.PG_URL.substring("jdbc:".length()));
        try (FaultyProxy proxy = new FaultyProxy(pg.getHost(), pg.getPort());
             Engine engine = Engine.open(new StoreLocation(dir, "jdbc:postgresql://127.0.0.1:" + proxy.port() + pg.getPath()
                     + "?currentSchema=" + schema + "&connectTimeout=2&socketTimeout=5", TestStores.PG_USER, null))) {
            Actor alice = engine.accounts().createFirstAdministrator("alice", ServerApiTest.ADMIN_PASSWORD.toCharArray());
            AuditRepository audit = new AuditRepository(engine.database());
            String site = engine.settings().siteId();
            try (ApiServer server = ApiServer.start(engine, ServerOptions.loopbackHttp(0))) {
                ApiClient api = ApiClient.plain(server.port());
                String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
                assertThat(api.get("/api/v1/health/ready", null).status()).isEqualTo(200);
                long entries = audit.count(site);

                proxy.cut();
                long cutAt = System.nanoTime();
                ApiClient.Answer ready = api.get("/api/v1/health/ready", null);
                assertThat(ready.status()).as(ready.body()).isEqualTo(503);
                assertThat(ready.json().get("checks").get("store").get("ok").asBoolean()).isFalse();
                long readyAt = System.nanoTime();
                ApiClient.Answer change = api.send(ServerOperationsTest.put(server, "/api/v1/settings/rate-limits", admin,
                        "{\"signIn\":3}"));
                // The server waits 2 s for a connection, not the desktop's 10: a client hears soon that the store is
                // down (the bounds leave room for a loaded machine, and are still well under 10 s).
                assertThat(Duration.ofNanos(readyAt - cutAt)).as("readiness answers soon").isLessThan(Duration.ofSeconds(6));
                assertThat(Duration.ofNanos(System.nanoTime() - readyAt)).as("a request answers soon")
                        .isLessThan(Duration.ofSeconds(6));
                assertThat(change.status()).as(change.body()).isEqualTo(503);
                assertThat(change.contentType()).startsWith("application/problem+json");
                assertThat(change.json().get("type").asText()).isEqualTo("/problems/store-unavailable");
                assertThat(change.body()).doesNotContain("Exception").doesNotContain("at com.");
                ApiClient.Answer history = api.get("/api/v1/predictions", admin);
                assertThat(history.status()).as(history.body()).isEqualTo(503);

                proxy.restore();
                ApiClient.Answer back = null;
                for (int i = 0; i < 50; i++) {
                    back = api.get("/api/v1/health/ready", null);
                    if (back.status() == 200) break;
                    Thread.sleep(200);
                }
                assertThat(back.status()).as(back.body()).isEqualTo(200);
                // the refused change left nothing: the limit and the audit trail are as they were
                assertThat(api.get("/api/v1/settings/rate-limits", admin).json().get("signIn").asInt()).isEqualTo(10);
                assertThat(audit.count(site)).isEqualTo(entries);
                assertThat(engine.settings().get("rate_limit.sign_in")).isEmpty();
                assertThat(api.get("/api/v1/predictions", admin).status()).isEqualTo(200);
                ApiClient.Answer now = api.send(ServerOperationsTest.put(server, "/api/v1/settings/rate-limits", admin,
                        "{\"signIn\":3}"));
                assertThat(now.status()).as(now.body()).isEqualTo(200);
                assertThat(audit.count(site)).isEqualTo(entries + 1);
            }

            // A server that died with a job in flight left its row running; the next start marks it failed.
            UUID inFlight = UUID.randomUUID();
            new TrainingJobRepository(engine.database()).save(new TrainingJobRow(inFlight, alice.name(), "running",
                    "loading", 0, -1, Instant.now(), Instant.now(), null, null, null));
            try (ApiServer again = ApiServer.start(engine, ServerOptions.loopbackHttp(0))) {
                ApiClient api = ApiClient.plain(again.port());
                JsonNode job = api.get("/api/v1/jobs/" + inFlight, api.signIn("alice", ServerApiTest.ADMIN_PASSWORD)).json();
                assertThat(job.get("state").asText()).isEqualTo("failed");
                assertThat(job.get("errorReason").asText()).isEqualTo(TrainingJobs.STOPPED);
            }
        } finally {
            TestStores.dropPostgresSchema(schema);
        }
    }
}
