package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.audit.AuditEntry;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.documents.Documents;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Appointments over HTTP on a real server (random loopback port, H2 store with the reference sample): the whole
 * life of one appointment, a stale update, the form's validation, paging both ways, odd text, and the store and
 * audit trail unchanged by every refused request.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppointmentRoutesTest extends ReferenceStoreServer {
    /** SQL metacharacters, a wildcard, an astral emoji, combining and right-to-left marks, CJK, quotes and a backslash. */
    private static final String ODD = "Ch\u00e9st pain \ud83e\udec0 \u202eRTL\u202c e\u0301 \u4e2d\u6587 ' OR 1=1; DROP TABLE appointments; -- %_ \"q\" \\";

    @Test
    void aClinicianCreatesReadsUpdatesRecordsAnOutcomeAndDeletes() {
        ApiClient.Answer created = api.post("/api/v1/appointments", clinician,
                "{\"doctorId\":\"dr_03\",\"summary\":\"persistent cough for two weeks\",\"date\":\"2024-05-02\",\"patientRef\":\"P-1\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode a = created.json();
        String id = a.get("id").asText();
        assertThat(created.response().headers().firstValue("Location")).hasValue("/api/v1/appointments/" + id);
        assertThat(a.get("doctorId").asText()).isEqualTo("dr_03");
        assertThat(a.get("date").asText()).isEqualTo("2024-05-02");
        assertThat(a.get("createdBy").asText()).isEqualTo("carl");
        assertThat(a.get("outcome").isNull()).isTrue();

        ApiClient.Answer read = api.get("/api/v1/appointments/" + id, clinician);
        assertThat(read.json()).isEqualTo(a);
        String etag = read.response().headers().firstValue("ETag").orElseThrow();

        ApiClient.Answer updated = put(id, clinician, etag, "{\"doctorId\":\"dr_04\",\"summary\":\"persistent cough, now with fever\",\"date\":\"2024-05-03\",\"patientRef\":\"P-1\"}");
        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        assertThat(updated.json().get("doctorId").asText()).isEqualTo("dr_04");
        assertThat(updated.json().get("rowVersion").asLong()).isGreaterThan(a.get("rowVersion").asLong());

        ApiClient.Answer outcome = api.post("/api/v1/appointments/" + id + "/outcome", clinician, "{\"outcome\":\"Recovered fully\"}");
        assertThat(outcome.status()).as(outcome.body()).isEqualTo(200);
        assertThat(outcome.json().get("outcome").asText()).isEqualTo("Recovered fully");
        assertThat(outcome.json().get("summary").asText()).isEqualTo("persistent cough, now with fever");
        assertThat(engine.appointments().find(UUID.fromString(id)).orElseThrow().outcomeText()).isEqualTo("Recovered fully");

        assertThat(api.delete("/api/v1/appointments/" + id, clinician).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/appointments/" + id, clinician).status()).isEqualTo(404);
        ApiClient.Answer again = api.delete("/api/v1/appointments/" + id, clinician);
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.contentType()).startsWith("application/problem+json");
        assertThat(engine.appointments().find(UUID.fromString(id))).isEmpty();

        List<String> audited = engine.auditLog().list(new AuditQuery(null, null, "appointment", id, null, null, 100),
                alice).stream().map(AuditEntry::action).toList();
        assertThat(audited).containsExactlyInAnyOrder("appointment-create", "appointment-update", "appointment-outcome", "appointment-delete");
    }

    @Test
    void aStaleRowVersionIs409AndKeepsTheNewerEdit() {
        JsonNode a = create("{\"doctorId\":\"dr_05\",\"summary\":\"knee pain after a fall\"}");
        String id = a.get("id").asText();
        long version = a.get("rowVersion").asLong();
        ApiClient.Answer first = put(id, admin, null, "{\"doctorId\":\"dr_05\",\"summary\":\"knee pain after a fall, swollen\",\"rowVersion\":" + version + "}");
        assertThat(first.status()).as(first.body()).isEqualTo(200);

        ApiClient.Answer stale = put(id, clinician, "\"" + version + "\"", "{\"doctorId\":\"dr_05\",\"summary\":\"knee pain after a fall, healed\"}");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.json().get("type").asText()).isEqualTo("/problems/stale-row-version");
        assertThat(stale.json().get("detail").asText()).contains("alice").contains("rowVersion is now " + first.json().get("rowVersion").asLong());
        assertThat(api.get("/api/v1/appointments/" + id, clinician).json().get("summary").asText()).isEqualTo("knee pain after a fall, swollen");

        ApiClient.Answer none = put(id, clinician, null, "{\"doctorId\":\"dr_05\",\"summary\":\"knee pain after a fall, healed\"}");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("errors").get(0).get("field").asText()).isEqualTo("rowVersion");
        assertThat(put(UUID.randomUUID().toString(), clinician, "\"1\"", "{\"doctorId\":\"dr_05\",\"summary\":\"knee pain after a fall\"}").status())
                .isEqualTo(404);
    }

    @Test
    void validationNamesTheFormsFieldsAndReasonsAndChangesNothing() {
        long count = engine.appointments().count(AppointmentQuery.ALL);
        long audit = auditEntries();
        String patient = "P\u0007-2";
        ApiClient.Answer bad = api.post("/api/v1/appointments", clinician,
                "{\"doctorId\":\"_dr\",\"summary\":\"too short\",\"patientRef\":\"P\\u0007-2\",\"outcome\":\"" + "x".repeat(5000) + "\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.contentType()).startsWith("application/problem+json");
        List<String> got = new ArrayList<>();
        bad.json().get("errors").forEach(e -> got.add(e.get("field").asText() + ":" + e.get("reason").asText()));
        // The desktop form's own check of the same input, with the API's field names.
        List<String> desktop = new AppointmentInput("_dr", "too short", null, patient, "x".repeat(5000)).check().stream()
                .map(p -> json(p.field()) + ":" + p.reason().name().toLowerCase(java.util.Locale.ROOT)).toList();
        assertThat(got).isEqualTo(desktop).contains("doctorId:bad_start", "summary:too_short", "patientRef:control_character");
        bad.json().get("errors").forEach(e -> assertThat(e.get("message").asText()).doesNotContain("--").isNotBlank());

        JsonNode existing = create("{\"doctorId\":\"dr_06\",\"summary\":\"headache for three days\"}");
        count++;
        audit++;
        String id = existing.get("id").asText();
        ApiClient.Answer badEdit = put(id, clinician, "\"" + existing.get("rowVersion").asLong() + "\"", "{\"doctorId\":\"dr 6!\",\"summary\":\"headache for three days\"}");
        assertThat(badEdit.status()).isEqualTo(400);
        assertThat(badEdit.json().get("errors").get(0).get("reason").asText()).isEqualTo("bad_characters");
        assertThat(api.post("/api/v1/appointments/" + id + "/outcome", clinician, "{\"outcome\":\"\"}").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/appointments", clinician, "{\"doctorId\":\"dr_01\",\"summary\":\"chest pain and cough\",\"date\":\"2024-13-01\"}")
                .json().get("errors").get(0).get("field").asText()).isEqualTo("date");
        assertThat(api.post("/api/v1/appointments", clinician, "{\"doctorId\":\"dr_01\",").status()).isEqualTo(400);
        assertThat(api.post("/api/v1/appointments", null, "{\"doctorId\":\"dr_01\",\"summary\":\"chest pain and cough\"}").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/appointments", null).status()).isEqualTo(401);
        assertThat(api.delete("/api/v1/appointments/" + id, "not-a-token").status()).isEqualTo(401);
        assertThat(api.get("/api/v1/appointments/not-a-uuid", clinician).status()).isEqualTo(400);

        assertThat(engine.appointments().count(AppointmentQuery.ALL)).isEqualTo(count);
        assertThat(auditEntries()).isEqualTo(audit);
        assertThat(api.get("/api/v1/appointments/" + id, clinician).json()).isEqualTo(existing);
    }

    @Test
    void oddUnicodeAndSqlMetacharactersInEveryTextFieldAreStoredAndReadBackUnchanged() throws Exception {
        ObjectNode body = Documents.MAPPER.createObjectNode().put("doctorId", "dr_07").put("summary", ODD)
                .put("patientRef", ODD).put("outcome", ODD);
        JsonNode a = create(Documents.MAPPER.writeValueAsString(body));
        JsonNode read = api.get("/api/v1/appointments/" + a.get("id").asText(), clinician).json();
        for (String field : List.of("summary", "patientRef", "outcome")) assertThat(read.get(field).asText()).as(field).isEqualTo(ODD);

        long count = engine.appointments().count(AppointmentQuery.ALL);
        ApiClient.Answer sqlDoctor = api.post("/api/v1/appointments", clinician,
                "{\"doctorId\":\"dr'; DROP TABLE appointments;--\",\"summary\":\"chest pain and cough today\"}");
        assertThat(sqlDoctor.status()).isEqualTo(400);
        assertThat(sqlDoctor.json().get("errors").get(0).get("reason").asText()).isEqualTo("bad_characters");
        assertThat(engine.appointments().count(AppointmentQuery.ALL)).isEqualTo(count);

        JsonNode found = api.get("/api/v1/appointments?q=" + enc("' OR 1=1; DROP TABLE") + "&patientRef=" + enc(ODD), clinician).json();
        assertThat(found.get("total").asLong()).isEqualTo(1);
        assertThat(found.get("items").get(0).get("id").asText()).isEqualTo(a.get("id").asText());
        assertThat(api.get("/api/v1/appointments?doctorId=" + enc("dr_07' OR '1'='1"), clinician).json().get("total").asLong()).isZero();
    }

    @Test
    void pagesByOffsetAndByCursorAgreeAndFilterAsTheDesktopList() {
        long total = engine.appointments().count(AppointmentQuery.ALL);
        JsonNode first = api.get("/api/v1/appointments?limit=7", clinician).json();
        assertThat(first.get("total").asLong()).isEqualTo(total);
        List<String> byOffset = new ArrayList<>();
        List<String> byCursor = new ArrayList<>();
        for (int offset = 0; offset < 21; offset += 7) {
            api.get("/api/v1/appointments?limit=7&offset=" + offset, clinician).json().get("items").forEach(i -> byOffset.add(i.get("id").asText()));
        }
        JsonNode page = first;
        for (int i = 0; i < 3; i++) {
            page.get("items").forEach(n -> byCursor.add(n.get("id").asText()));
            page = api.get("/api/v1/appointments?limit=7&cursor=" + page.get("next").asText(), clinician).json();
        }
        assertThat(byCursor).hasSize(21).doesNotHaveDuplicates().isEqualTo(byOffset);

        JsonNode dr01 = api.get("/api/v1/appointments?doctorId=dr_01&outcome=known&limit=500", clinician).json();
        assertThat(dr01.get("total").asLong()).isEqualTo(engine.appointments().count(AppointmentQuery.ALL.withDoctor("dr_01").withOutcomeKnown(true)));
        dr01.get("items").forEach(i -> assertThat(i.get("doctorId").asText()).isEqualTo("dr_01"));
        JsonNode poor = api.get("/api/v1/appointments?category=poor&sort=date&order=asc&limit=500", clinician).json();
        List<String> dates = new ArrayList<>();
        poor.get("items").forEach(i -> {
            assertThat(i.get("category").asText()).isEqualTo("poor");
            if (!i.get("date").isNull()) dates.add(i.get("date").asText());
        });
        assertThat(dates).isSorted();
        LocalDate from = LocalDate.of(2024, 1, 1);
        api.get("/api/v1/appointments?from=2024-01-01&limit=500", clinician).json().get("items")
                .forEach(i -> assertThat(LocalDate.parse(i.get("date").asText())).isAfterOrEqualTo(from));
        for (String bad : List.of("limit=0", "outcome=maybe", "category=bad", "sort=summary", "from=yesterday", "cursor=%21%21", "cursor=x&sort=date")) {
            ApiClient.Answer refused = api.get("/api/v1/appointments?" + bad, clinician);
            assertThat(refused.status()).as(bad).isEqualTo(400);
            assertThat(refused.json().get("errors")).as(bad).hasSize(1);
        }
    }

    private JsonNode create(String json) {
        ApiClient.Answer a = api.post("/api/v1/appointments", clinician, json);
        assertThat(a.status()).as(a.body()).isEqualTo(201);
        return a.json();
    }

    private ApiClient.Answer put(String id, String token, String ifMatch, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/appointments/" + id))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) b.header("If-Match", ifMatch);
        return api.send(b.build());
    }

    /** Entries but those for reading the trail (reading it is audited too). */
    private long auditEntries() {
        return engine.auditLog().list(AuditQuery.ALL, alice).stream().filter(e -> !e.action().equals("audit-view")).count();
    }

    private static String json(String formField) {
        return switch (formField) {
            case AppointmentInput.DOCTOR -> "doctorId";
            case AppointmentInput.PATIENT -> "patientRef";
            default -> formField;
        };
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
