package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.server.jobs.TrainingJobs;
import com.outcomedesk.store.AuditRepository;
import com.outcomedesk.store.TrainingJobRepository;
import com.outcomedesk.store.TrainingJobRow;
import com.outcomedesk.testing.TestStores;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Operations on a real server over H2: training jobs kept in the store (after a restart, a client gone, a server
 * stopped mid-job), the readiness document, and rate limits an administrator changes while the server runs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerOperationsTest {
    @TempDir
    static Path dir;
    private Engine engine;
    private Actor alice;
    private TrainingJobRepository jobs;

    @BeforeAll
    void open() {
        engine = Engine.open(TestStores.h2(dir));
        alice = engine.accounts().createFirstAdministrator("alice", ServerApiTest.ADMIN_PASSWORD.toCharArray());
        engine.accounts().create("carl", com.outcomedesk.common.Role.CLINICIAN,
                ServerApiTest.CLINICIAN_PASSWORD.toCharArray(), alice);
        engine.importer().importFile(TestStores.referenceSample(), alice, ProgressListener.NONE);
        jobs = new TrainingJobRepository(engine.database());
    }

    @AfterAll
    void close() {
        if (engine != null) engine.close();
    }

    private ApiServer start() {
        return ApiServer.start(engine, ServerOptions.loopbackHttp(0));
    }

    @Test
    void aJobLeftRunningByAnEarlierServerIsFailedAtStartAndAFinishedOneIsReadAfterARestart() throws Exception {
        UUID stuck = UUID.randomUUID();
        jobs.save(new TrainingJobRow(stuck, "alice", "running", "cross-validation", 1, 5, Instant.now(), Instant.now(),
                null, null, null));
        String finished;
        try (ApiServer server = start()) {
            ApiClient api = ApiClient.plain(server.port());
            String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
            JsonNode old = api.get("/api/v1/jobs/" + stuck, admin).json();
            assertThat(old.get("state").asText()).isEqualTo("failed");
            assertThat(old.get("errorReason").asText()).isEqualTo(TrainingJobs.STOPPED);
            assertThat(old.get("problem").get("detail").asText()).isEqualTo(TrainingJobs.STOPPED);
            assertThat(old.get("finishedAt").isNull()).isFalse();

            finished = api.post("/api/v1/train", admin, "{\"algorithm\":\"logreg\",\"folds\":2}").json().get("id").asText();
            JsonNode done = awaitEnd(api, admin, finished);
            assertThat(done.get("state").asText()).as(done.toString()).isEqualTo("succeeded");
            assertThat(done.get("resultVersion").asInt()).isEqualTo(done.get("result").get("version").asInt());
        }
        try (ApiServer again = start()) {
            ApiClient api = ApiClient.plain(again.port());
            JsonNode after = api.get("/api/v1/jobs/" + finished, api.signIn("alice", ServerApiTest.ADMIN_PASSWORD)).json();
            assertThat(after.get("state").asText()).isEqualTo("succeeded");
            assertThat(after.get("result").get("version").asInt()).isEqualTo(after.get("resultVersion").asInt()).isPositive();
            assertThat(after.get("user").asText()).isEqualTo("alice");
        }
    }

    @Test
    void aJobInFlightWhenTheServerStopsIsMarkedFailedNotLeftRunning() {
        String id;
        try (ApiServer server = start()) {
            ApiClient api = ApiClient.plain(server.port());
            String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
            id = api.post("/api/v1/train", admin, "{\"algorithm\":\"gbm\",\"folds\":5}").json().get("id").asText();
        }
        TrainingJobRow row = jobs.find(UUID.fromString(id)).orElseThrow();
        assertThat(row.state()).isIn("failed", "succeeded");
        if (row.state().equals("failed")) assertThat(row.errorReason()).isEqualTo(TrainingJobs.STOPPED);
    }

    @Test
    void aJobGoesOnWhenTheClientThatStartedItHangsUp() throws Exception {
        try (ApiServer server = start()) {
            ApiClient api = ApiClient.plain(server.port());
            String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
            Instant before = Instant.now();
            String body = "{\"algorithm\":\"logreg\",\"folds\":2}";
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/v1/train HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + admin
                        + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body)
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                // gone without reading the answer
            }
            TrainingJobRow job = null;
            for (int i = 0; i < 600; i++) {
                job = jobs.newest(1).stream().filter(j -> !j.submittedAt().isBefore(before.minusSeconds(1))).findFirst().orElse(null);
                if (job != null && List.of("succeeded", "failed", "cancelled").contains(job.state())) break;
                Thread.sleep(100);
            }
            assertThat(job).isNotNull();
            assertThat(job.state()).as(job.toString()).isEqualTo("succeeded");
            assertThat(job.resultVersion()).isPositive();
        }
    }

    @Test
    void readinessNamesTheSchemaTheModelTheDiskAndEachSitesNewestChange() {
        try (ApiServer server = start()) {
            ApiClient.Answer ready = ApiClient.plain(server.port()).get("/api/v1/health/ready", null);
            assertThat(ready.status()).as(ready.body()).isEqualTo(200);
            JsonNode checks = ready.json().get("checks");
            assertThat(checks.get("store").get("ok").asBoolean()).isTrue();
            assertThat(checks.get("migrations").get("ok").asBoolean()).isTrue();
            assertThat(checks.get("migrations").get("applied").asText()).isEqualTo(checks.get("migrations").get("newest").asText())
                    .isEqualTo(newestMigration());
            assertThat(checks.get("model").get("answeredBy").asText()).isNotBlank();
            JsonNode sites = checks.get("sync").get("sites");
            assertThat(sites.findValuesAsText("site")).containsExactly(engine.settings().siteId());
            assertThat(Instant.parse(sites.get(0).get("newestChangeAt").asText())).isBefore(Instant.now().plusSeconds(1));
        }
    }

    @Test
    void rateLimitsAreChangedByAnAdministratorAuditedAppliedAtOnceAndKeptOverARestart() {
        AuditRepository audit = new AuditRepository(engine.database());
        String site = engine.settings().siteId();
        try (ApiServer server = start()) {
            ApiClient api = ApiClient.plain(server.port());
            String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
            String clinician = api.signIn("carl", ServerApiTest.CLINICIAN_PASSWORD);
            assertThat(api.get("/api/v1/settings/rate-limits", clinician).status()).isEqualTo(403);
            assertThat(api.send(put(server, "/api/v1/settings/rate-limits", clinician, "{\"signIn\":3}")).status()).isEqualTo(403);
            assertThat(api.get("/api/v1/settings/rate-limits", null).status()).isEqualTo(401);
            JsonNode now = api.get("/api/v1/settings/rate-limits", admin).json();
            assertThat(now.get("signIn").asInt()).isEqualTo(10);

            long entries = audit.count(site);
            ApiClient.Answer bad = api.send(put(server, "/api/v1/settings/rate-limits", admin,
                    "{\"signIn\":0,\"predict\":\"lots\",\"batch\":2.5,\"train\":99999999,\"fast\":1}"));
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.json().get("errors").findValuesAsText("field")).containsExactlyInAnyOrder("signIn", "predict", "batch", "train", "fast");
            assertThat(audit.count(site)).isEqualTo(entries);
            assertThat(api.get("/api/v1/settings/rate-limits", admin).json()).isEqualTo(now);
            assertThat(api.send(put(server, "/api/v1/settings/rate-limits", admin, "{\"signIn\":")).status()).isEqualTo(400);

            ApiClient.Answer changed = api.send(put(server, "/api/v1/settings/rate-limits", admin, "{\"signIn\":2,\"train\":4}"));
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("signIn").asInt()).isEqualTo(2);
            assertThat(changed.json().get("predict").asInt()).isEqualTo(now.get("predict").asInt());
            assertThat(audit.count(site)).isEqualTo(entries + 1);
            assertThat(engine.auditLog().list(com.outcomedesk.audit.AuditQuery.ALL, alice).stream()
                    .anyMatch(e -> e.details() != null && e.details().contains("signIn 10 -> 2"))).isTrue();

            api.signIn("carl", ServerApiTest.CLINICIAN_PASSWORD);
            api.signIn("carl", ServerApiTest.CLINICIAN_PASSWORD);
            ApiClient.Answer third = api.post("/api/v1/auth/token", null,
                    "{\"user\":\"carl\",\"password\":\"" + ServerApiTest.CLINICIAN_PASSWORD + "\"}");
            assertThat(third.status()).isEqualTo(429);
            assertThat(third.response().headers().firstValue("Retry-After")).isPresent();
        }
        try (ApiServer again = start()) {
            ApiClient api = ApiClient.plain(again.port());
            String admin = api.signIn("alice", ServerApiTest.ADMIN_PASSWORD);
            assertThat(api.get("/api/v1/settings/rate-limits", admin).json().get("signIn").asInt()).isEqualTo(2);
            assertThat(api.send(put(again, "/api/v1/settings/rate-limits", admin, "{\"signIn\":10,\"train\":6}")).status()).isEqualTo(200);
        }
    }

    static java.net.http.HttpRequest put(ApiServer server, String path, String token, String json) {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json));
        if (token != null) b.header("Authorization", "Bearer " + token);
        return b.build();
    }

    static JsonNode awaitEnd(ApiClient api, String token, String id) throws InterruptedException {
        JsonNode state = null;
        for (int i = 0; i < 600; i++) {
            state = api.get("/api/v1/jobs/" + id, token).json();
            if (List.of("succeeded", "failed", "cancelled").contains(state.get("state").asText())) break;
            Thread.sleep(100);
        }
        return state;
    }

    /** The highest migration version this build carries, so a new migration does not break the readiness check. */
    private static String newestMigration() {
        try (var files = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/resources/db"))) {
            return String.valueOf(files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
