package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.server.auth.TokenService;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.server.limits.Budget;
import com.outcomedesk.server.limits.RateLimitSettings;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The API on a real server (random loopback port, H2 store with the reference sample) through a real HTTP
 * client: each route's success, and the refusals every route shares (401, 403, expired token, 413, malformed JSON),
 * with the store unchanged after each refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServerApiTest extends ReferenceStoreServer {
    private long savedPredictions() {
        return engine.predictions().stats().count();
    }

    @Test
    void signInAnswersATokenAndWrongPasswordsAProblem() {
        ApiClient.Answer ok = api.post("/api/v1/auth/token", null, "{\"user\":\"carl\",\"password\":\"" + CLINICIAN_PASSWORD + "\"}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("expiresAt").asText()).endsWith("Z");
        assertThat(ok.json().get("role").asText()).isEqualTo("clinician");

        ApiClient.Answer wrong = api.post("/api/v1/auth/token", null, "{\"user\":\"carl\",\"password\":\"not the password\"}");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().get("type").asText()).isEqualTo("/problems/unauthorized");
        assertThat(wrong.body()).doesNotContain("Exception").doesNotContain("at com.");
    }

    @Test
    void predictAnswersWhatTheEngineAnswersAndSavesIt() {
        long before = savedPredictions();
        String summary = "Patient with hypertension and chest pain, follow up in two weeks";
        ApiClient.Answer a = api.post("/api/v1/predict", clinician,
                "{\"doctorId\":\"dr_01\",\"summary\":\"" + summary + "\",\"date\":\"2024-03-01\"}");
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        PredictionResult direct = engine.predictions().predict(new PredictionRequest("dr_01", summary,
                java.time.LocalDate.of(2024, 3, 1)));
        JsonNode r = a.json();
        assertThat(r.get("label").asText()).isEqualTo(direct.label());
        assertThat(r.get("probability").asDouble()).isEqualTo(direct.probability());
        assertThat(r.get("category").asText()).isEqualTo(direct.category());
        assertThat(r.get("riskTier").asText()).isEqualTo(direct.riskTier());
        assertThat(r.has("explanation")).isTrue();
        assertThat(savedPredictions()).isEqualTo(before + 1);

        ApiClient.Answer page = api.get("/api/v1/predictions?limit=1&doctorId=dr_01", clinician);
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("items")).hasSize(1);
        assertThat(page.json().get("items").get(0).get("doctorId").asText()).isEqualTo("dr_01");
        assertThat(page.json().get("total").asLong()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void validationNamesEachFieldAndChangesNothing() {
        long before = savedPredictions();
        ApiClient.Answer missing = api.post("/api/v1/predict", clinician, "{\"doctorId\":\"dr_01\"}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("errors").get(0).get("field").asText()).isEqualTo("summary");
        assertThat(missing.json().get("errors").get(0).get("reason").asText()).isEqualTo("missing");

        ApiClient.Answer number = api.post("/api/v1/predict", clinician, "{\"doctorId\":7,\"summary\":\"a b c d e f g\"}");
        assertThat(number.status()).isEqualTo(400);
        assertThat(number.json().get("errors").get(0).get("field").asText()).isEqualTo("doctorId");

        ApiClient.Answer date = api.post("/api/v1/predict", clinician,
                "{\"doctorId\":\"dr_01\",\"summary\":\"chest pain and cough today\",\"date\":\"31/01/2024\"}");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().get("errors").get(0).get("field").asText()).isEqualTo("date");
        assertThat(savedPredictions()).isEqualTo(before);
    }

    @Test
    void sqlMetacharactersAndOddUnicodeAreTextNotCode() {
        long before = savedPredictions();
        ApiClient.Answer sqlDoctor = api.post("/api/v1/predict", clinician,
                "{\"doctorId\":\"dr'; DROP TABLE predictions;--\",\"summary\":\"chest pain and cough today\"}");
        assertThat(sqlDoctor.status()).isEqualTo(400);
        assertThat(sqlDoctor.json().get("errors").get(0).get("reason").asText()).isEqualTo("bad_characters");
        assertThat(savedPredictions()).isEqualTo(before);

        String odd = "Ch\\u00e9st pain \\ud83e\\udec0 \\u202eRTL\\u202c e\\u0301 \\u4e2d\\u6587 ' OR 1=1; DROP TABLE appointments; -- %_\\\\";
        ApiClient.Answer oddSummary = api.post("/api/v1/predict", clinician, "{\"doctorId\":\"dr_02\",\"summary\":\"" + odd + "\"}");
        assertThat(oddSummary.status()).as(oddSummary.body()).isEqualTo(200);
        assertThat(savedPredictions()).isEqualTo(before + 1);
        assertThat(api.get("/api/v1/predictions?doctorId=dr'%3B%20DROP%20TABLE%20predictions%3B--", clinician).json()
                .get("total").asLong()).isZero();

        ApiClient.Answer lone = api.post("/api/v1/predict", clinician, "{\"doctorId\":\"dr_02\",\"summary\":\"chest pain \\ud800 and cough\"}");
        assertThat(lone.status()).isEqualTo(400);
        assertThat(lone.json().get("errors").get(0).get("reason").asText()).isEqualTo("broken_unicode");
        ApiClient.Answer nul = api.post("/api/v1/predict", clinician, "{\"doctorId\":\"dr_02\",\"summary\":\"chest pain \\u0000 and cough\"}");
        assertThat(nul.status()).isEqualTo(400);
        assertThat(nul.json().get("errors").get(0).get("reason").asText()).isEqualTo("control_character");
        assertThat(savedPredictions()).isEqualTo(before + 1);
    }

    @Test
    void noBadOrExpiredTokenIs401() {
        ApiClient.Answer none = api.get("/api/v1/models", null);
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.response().headers().firstValue("WWW-Authenticate")).contains("Bearer");
        assertThat(none.contentType()).startsWith("application/problem+json");

        assertThat(api.get("/api/v1/models", "abc.def").status()).isEqualTo(401);
        String forged = clinician.substring(0, clinician.indexOf('.') + 1) + "AAAA";
        assertThat(api.get("/api/v1/models", forged).status()).isEqualTo(401);

        TokenService past = new TokenService(TokenService.storeKey(StoreSecrets.of(engine.database().location())), engine.accounts(),
                Clock.offset(Clock.systemUTC(), Duration.ofHours(-2)), Duration.ofMinutes(15));
        String expired = past.issue(new Actor("carl", Role.CLINICIAN)).token();
        ApiClient.Answer old = api.get("/api/v1/models", expired);
        assertThat(old.status()).isEqualTo(401);
        assertThat(old.json().get("detail").asText()).contains("expired");
    }

    @Test
    void aChangedPasswordRevokesTheTokensIssuedBefore() {
        engine.accounts().create("dora", Role.CLINICIAN, "violet meadow engine".toCharArray(), alice);
        String token = api.signIn("dora", "violet meadow engine");
        assertThat(api.get("/api/v1/models", token).status()).isEqualTo(200);
        engine.accounts().changePassword("dora", "amber valley kettle".toCharArray(), alice);
        ApiClient.Answer revoked = api.get("/api/v1/models", token);
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.json().get("detail").asText()).contains("password was changed");
        String again = api.signIn("dora", "amber valley kettle");
        engine.accounts().disable("dora", alice);
        assertThat(api.get("/api/v1/models", again).status()).isEqualTo(401);
    }

    @Test
    void aClinicianMayNotTrainActivateOrRollBack() {
        ApiClient.Answer train = api.post("/api/v1/train", clinician, "{}");
        assertThat(train.status()).isEqualTo(403);
        assertThat(train.json().get("detail").asText()).contains("only an administrator");
        assertThat(api.post("/api/v1/models/1/activate", clinician, "").status()).isEqualTo(403);
        assertThat(api.post("/api/v1/models/rollback", clinician, "").status()).isEqualTo(403);
    }

    @Test
    void malformedJsonSaysWhere() {
        ApiClient.Answer a = api.post("/api/v1/predict", clinician, "{\n  \"doctorId\": \"dr_01\",\n  \"summary\": oops\n}");
        assertThat(a.status()).isEqualTo(400);
        assertThat(a.json().get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(a.json().get("detail").asText()).contains("line 3, column");
        ApiClient.Answer twice = api.post("/api/v1/predict", clinician, "{\"doctorId\":\"dr_01\",\"doctorId\":\"dr_02\",\"summary\":\"x y z w\"}");
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("detail").asText()).contains("given twice");
    }

    @Test
    void aTwentyMegabyteBodyIsRefusedAndChangesNothing() {
        long before = savedPredictions();
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        String head = "{\"doctorId\":\"dr_01\",\"summary\":\"";
        System.arraycopy(head.getBytes(), 0, big, 0, head.length());
        // Several times: a server that answers and closes while the client still writes loses the answer to a reset now and then.
        for (int i = 0; i < 5; i++) {
            ApiClient.Answer a = api.post("/api/v1/predict", clinician, "application/json", HttpRequest.BodyPublishers.ofByteArray(big));
            assertThat(a.status()).isEqualTo(413);
            assertThat(a.json().get("type").asText()).isEqualTo("/problems/body-too-large");
        }
        // The same without a Content-Length (chunked): read up to the limit, then refused.
        ApiClient.Answer chunked = api.post("/api/v1/predict", clinician, "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)));
        assertThat(chunked.status()).isEqualTo(413);
        assertThat(savedPredictions()).isEqualTo(before);
    }

    @Test
    void batchStreamsOneLinePerRecordAndASummary() {
        String ndjson = "{\"id\":\"a\",\"doctorId\":\"dr_01\",\"summary\":\"chest pain and cough today\"}\n"
                + "{\"id\":\"b\",\"doctorId\":\"bad id!\",\"summary\":\"chest pain and cough today\"}\n"
                + "\n{not json\n"
                + "{\"id\":\"d\",\"doctorId\":\"dr_03\",\"summary\":\"migraine with nausea since monday\"}\n";
        ApiClient.Answer a = api.post("/api/v1/predict/batch", clinician, "application/x-ndjson", HttpRequest.BodyPublishers.ofString(ndjson));
        assertThat(a.status()).isEqualTo(200);
        List<JsonNode> lines = a.body().lines().map(ServerApiTest::parse).toList();
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("prediction").get("label").asText()).isIn("better", "worse");
        assertThat(lines.get(1).get("problem").get("errors").get(0).get("field").asText()).isEqualTo("doctorId");
        assertThat(lines.get(2).get("problem").get("type").asText()).isEqualTo("/problems/malformed-json");
        assertThat(lines.get(3).get("id").asText()).isEqualTo("d");
        assertThat(lines.get(4).get("summary").get("predicted").asLong()).isEqualTo(2);
        assertThat(lines.get(4).get("summary").get("rejected").asLong()).isEqualTo(2);

        String csv = "doctor_id,summary\ndr_01,\"chest pain, cough today\"\ndr_02,headache and fever since friday\n";
        ApiClient.Answer c = api.post("/api/v1/predict/batch", clinician, "text/csv", HttpRequest.BodyPublishers.ofString(csv));
        List<JsonNode> rows = c.body().lines().map(ServerApiTest::parse).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("doctorId").asText()).isEqualTo("dr_02");
    }

    @Test
    void aLargeBatchIsStreamedNotRefused() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 3000; i++) s.append("{\"doctorId\":\"dr_0").append(i % 9 + 1).append("\",\"summary\":\"chest pain and cough day ").append(i).append("\"}\n");
        ApiClient.Answer a = api.post("/api/v1/predict/batch", clinician, "application/x-ndjson", HttpRequest.BodyPublishers.ofString(s.toString()));
        assertThat(a.status()).isEqualTo(200);
        List<String> lines = a.body().lines().toList();
        assertThat(lines).hasSize(3001);
        assertThat(parse(lines.get(3000)).get("summary").get("predicted").asLong()).isEqualTo(3000);
    }

    @Test
    void importTakesTheReferenceFormatAndRefusesMalformedBodiesWhole() {
        long before = engine.appointments().count(com.outcomedesk.appointments.AppointmentQuery.ALL);
        String records = "[{\"id\":\"api-1\",\"doctor_id\":\"dr_04\",\"summary\":\"Chest pain \\ud83e\\udec0 '); DROP TABLE "
                + "appointments; -- follow up\",\"future_outcome\":\"Improved.\"},"
                + "{\"id\":\"api-2\",\"doctor_id\":\"dr 04; --\",\"summary\":\"Headache and fever since friday\"}]";
        ApiClient.Answer a = api.post("/api/v1/import", clinician, records);
        assertThat(a.status()).as(a.body()).isEqualTo(200);
        assertThat(a.json().get("imported").asLong()).isEqualTo(1);
        assertThat(a.json().get("rejectedTotal").asLong()).isEqualTo(1);
        assertThat(engine.appointments().count(com.outcomedesk.appointments.AppointmentQuery.ALL)).isEqualTo(before + 1);

        ApiClient.Answer broken = api.post("/api/v1/import", clinician, "[{\"id\":\"api-3\",\"doctor_id\":\"dr_04\",");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body()).doesNotContain("/tmp").doesNotContain("outcomedesk-import");
        ApiClient.Answer xml = api.post("/api/v1/import", clinician, "application/xml", HttpRequest.BodyPublishers.ofString("<a/>"));
        assertThat(xml.status()).isEqualTo(415);
        assertThat(engine.appointments().count(com.outcomedesk.appointments.AppointmentQuery.ALL)).isEqualTo(before + 1);
    }

    @Test
    void trainingRunsAsAJobAndVersionsCanBeActivated() throws InterruptedException {
        ApiClient.Answer bad = api.post("/api/v1/train", admin, "{\"folds\":1}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().get("errors").get(0).get("field").asText()).isEqualTo("folds");

        ApiClient.Answer started = api.post("/api/v1/train", admin, "{\"algorithm\":\"logreg\",\"folds\":2}");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String job = started.json().get("id").asText();
        JsonNode state = null;
        for (int i = 0; i < 600; i++) {
            state = api.get("/api/v1/jobs/" + job, admin).json();
            if (List.of("succeeded", "failed", "cancelled").contains(state.get("state").asText())) break;
            Thread.sleep(100);
        }
        assertThat(state.get("state").asText()).as(state.toString()).isEqualTo("succeeded");
        int version = state.get("result").get("version").asInt();

        ApiClient.Answer models = api.get("/api/v1/models", clinician);
        assertThat(models.json().findValuesAsText("version")).contains(String.valueOf(version));
        assertThat(api.get("/api/v1/models/" + version, clinician).json().get("provenance").isObject()).isTrue();
        assertThat(api.get("/api/v1/models/999", clinician).status()).isEqualTo(404);
        ApiClient.Answer activated = api.post("/api/v1/models/" + version + "/activate", admin, "");
        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        assertThat(engine.models().active().orElseThrow().version()).isEqualTo(version);
        ApiClient.Answer rollback = api.post("/api/v1/models/rollback", admin, "");
        assertThat(rollback.status()).isIn(200, 409);
        assertThat(api.get("/api/v1/jobs/" + java.util.UUID.randomUUID(), admin).status()).isEqualTo(404);

        String second = api.post("/api/v1/train", admin, "{\"algorithm\":\"gbm\"}").json().get("id").asText();
        assertThat(api.delete("/api/v1/jobs/" + second, clinician).status()).isEqualTo(403);
        ApiClient.Answer cancelled = api.delete("/api/v1/jobs/" + second, admin);
        assertThat(cancelled.json().get("state").asText()).isEqualTo("cancelled");
        Thread.sleep(200);
        assertThat(api.get("/api/v1/jobs/" + second, admin).json().get("state").asText()).isEqualTo("cancelled");
    }

    @Test
    void insightRoutesAnswerAndUnknownDiseasesAre404() {
        ApiClient.Answer doctors = api.get("/api/v1/doctors?method=funnel", clinician);
        assertThat(doctors.status()).as(doctors.body()).isEqualTo(200);
        assertThat(doctors.json().isArray()).isTrue();
        String first = doctors.json().get(0).get("doctorId").asText();
        assertThat(api.get("/api/v1/doctors/" + first, clinician).json().get("doctor").get("doctorId").asText()).isEqualTo(first);
        assertThat(api.get("/api/v1/doctors?method=astrology", clinician).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/clusters", clinician).json().get("groups").isArray()).isTrue();
        ApiClient.Answer unknown = api.get("/api/v1/diseases/notadisease/similar", clinician);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("type").asText()).isEqualTo("/problems/unknown-disease");
    }

    @Test
    void healthMetricsAndDocsArePublic() {
        assertThat(api.get("/api/v1/health/live", null).json().get("status").asText()).isEqualTo("live");
        ApiClient.Answer ready = api.get("/api/v1/health/ready", null);
        assertThat(ready.status()).isEqualTo(200);
        assertThat(ready.json().get("checks").get("store").get("ok").asBoolean()).isTrue();
        api.get("/api/v1/models", clinician);
        api.get("/api/v1/models", null);
        String metrics = api.get("/api/v1/metrics/prometheus", null).body();
        assertThat(metrics).contains("http_server_requests_seconds").contains("route=\"/api/v1/models\",status=\"200\"")
                .contains("route=\"/api/v1/models\",status=\"401\"")
                .contains("jvm_memory_used_bytes").contains("outcomedesk_pool_active");
        assertThat(api.get("/openapi.json", null).json().get("openapi").asText()).startsWith("3.");
        ApiClient.Answer docs = api.get("/docs", null);
        assertThat(docs.body()).contains("/docs/swagger-ui-bundle.js").contains("/openapi.json");
        assertThat(api.get("/docs/swagger-ui-bundle.js", null).body()).contains("SwaggerUIBundle");
        ApiClient.Answer nowhere = api.get("/api/v1/nowhere", clinician);
        assertThat(nowhere.status()).isEqualTo(404);
        assertThat(nowhere.contentType()).startsWith("application/problem+json");
    }

    @Test
    void theOpenApiDocumentListsExactlyTheRegisteredRoutes() throws Exception {
        JsonNode doc;
        try (InputStream in = getClass().getResourceAsStream(com.outcomedesk.server.openapi.ApiDocs.DOCUMENT)) {
            doc = Documents.MAPPER.readTree(in);
        }
        Set<String> documented = new HashSet<>();
        for (Iterator<String> paths = doc.get("paths").fieldNames(); paths.hasNext(); ) {
            String path = paths.next();
            doc.get("paths").get(path).fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase() + " " + path));
        }
        assertThat(documented).containsExactlyInAnyOrderElementsOf(new HashSet<>(server.routes()));
    }

    @Test
    void overTheLimitIs429WithRetryAfter() {
        try (ApiServer limited = ApiServer.start(engine, ServerOptions.loopbackHttp(0)
                .withRateLimits(RateLimitSettings.defaults().with(Budget.SIGN_IN, 2)))) {
            ApiClient c = ApiClient.plain(limited.port());
            String body = "{\"user\":\"nobody\",\"password\":\"not a password\"}";
            assertThat(c.post("/api/v1/auth/token", null, body).status()).isEqualTo(401);
            assertThat(c.post("/api/v1/auth/token", null, body).status()).isEqualTo(401);
            ApiClient.Answer third = c.post("/api/v1/auth/token", null, body);
            assertThat(third.status()).isEqualTo(429);
            assertThat(Long.parseLong(third.response().headers().firstValue("Retry-After").orElseThrow())).isBetween(1L, 60L);
            assertThat(third.json().get("type").asText()).isEqualTo("/problems/rate-limited");
        }
    }

    static JsonNode parse(String line) {
        try {
            return Documents.MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
