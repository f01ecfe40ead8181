package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a database login never checked, over the sync API: a wrong credential, a replayed batch, a forged clock, a row
 * stamped by another site, a push outside the site's scope and an oversize batch each change nothing on the server.
 */
@NeedsPostgres
class HttpSyncSecurityTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    @TempDir Path dir;

    @Test
    void refusalsChangeNothing() throws Exception {
        try (HttpSyncFixture f = new HttpSyncFixture(dir)) {
            Engine a = f.site("clinic-a");
            Engine b = f.site("clinic-b");
            UUID shared = SyncFixture.create(a, "dr-1", "Written at clinic A.").id();
            f.sync(a);
            f.sync(b);
            SiteLogin loginA = a.sync().login().orElseThrow();
            SiteLogin loginB = b.sync().login().orElseThrow();

            // A wrong secret: 401, and the server answers nothing else.
            HttpResponse<String> wrong = send(f, new SiteLogin(loginA.server(), "clinic-a", "not-the-secret", null),
                    "/sync/begin", "");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.body()).contains("enrol the site again");

            // A batch sent twice gets the same answer and moves the change counter once.
            SyncRow row = appointment(a, SyncFixture.create(a, "dr-2", "Sent twice over the wire.").id());
            ObjectNode batch = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(new ServerSide.AppointmentOffer(row, null))));
            HttpResponse<String> first = send(f, loginA, "/sync/push", batch.toString());
            long counter = committed(f, loginA);
            HttpResponse<String> again = send(f, loginA, "/sync/push", batch.toString());
            assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
            assertThat(again.body()).isEqualTo(first.body());
            assertThat(SyncWire.MAPPER.readTree(first.body()).get("written").asLong()).isEqualTo(1);
            assertThat(committed(f, loginA)).isEqualTo(counter);

            // A clock a day ahead would win every later edit: refused, the server keeps its version.
            long dayAhead = (System.currentTimeMillis() + 86_400_000L) << 16;
            SyncRow forged = SyncTable.APPOINTMENTS.with(row, Map.of("hlc", dayAhead, "summary", "Forged by a fast clock."));
            JsonNode refused = push(f, loginA, forged, row.version());
            assertThat(refused.get("refused").get(0).get("reason").asText()).contains("ahead of the server's clock");
            assertThat(f.serverEngine.appointments().find((UUID) row.key()).orElseThrow().summary()).isEqualTo("Sent twice over the wire.");

            // Clinic B may not stamp rows as clinic A.
            SyncRow asA = SyncTable.APPOINTMENTS.with(appointment(b, shared), Map.of("summary", "Posing as clinic A here.",
                    "hlc", (System.currentTimeMillis() << 16) + 5));
            assertThat(push(f, loginB, asA, null).get("refused").get(0).get("reason").asText()).contains("not by this site");

            // Clinic B's scope is its own rows: an edit of A's row is refused and audited.
            f.serverEngine.sync().sites().scope("clinic-b", b.stamper().siteId(), null, SyncFixture.ADMIN);
            SyncRow edit = SyncTable.APPOINTMENTS.with(appointment(b, shared), Map.of("summary", "Edited at clinic B here.",
                    "hlc", (System.currentTimeMillis() << 16) + 9, "site_id", b.stamper().siteId()));
            HttpResponse<String> outOfScope = send(f, loginB, "/sync/push", SyncWire.push(SyncTable.APPOINTMENTS,
                    List.of(SyncWire.offer(new ServerSide.AppointmentOffer(edit, appointment(b, shared).version())))).toString());
            assertThat(outOfScope.statusCode()).isEqualTo(403);
            JsonNode problem = SyncWire.MAPPER.readTree(outOfScope.body());
            assertThat(problem.get("type").asText()).isEqualTo("/problems/outside-scope");
            assertThat(problem.get("refused").get(0).get("key").asText()).isEqualTo(shared.toString());
            assertThat(problem.get("refused").get(0).get("reason").asText()).contains("outside this site's push scope");
            assertThat(f.serverEngine.appointments().find(shared).orElseThrow().summary()).isEqualTo("Written at clinic A.");
            long refusals = f.serverEngine.database().jdbi(h -> h.createQuery("SELECT COUNT(*) FROM audit_log WHERE action = "
                    + "'sync.push.refused' AND user_name = 'site:clinic-b'").mapTo(Long.class).one());
            assertThat(refusals).isEqualTo(2);

            // An oversize batch: 413, nothing applied.
            List<ObjectNode> many = new ArrayList<>();
            for (int i = 0; i <= SyncHub.MAX_PUSH_ROWS; i++) many.add(SyncWire.offer(new ServerSide.AppointmentOffer(row, null)));
            long before = committed(f, loginA);
            assertThat(send(f, loginA, "/sync/push", SyncWire.push(SyncTable.APPOINTMENTS, many).toString()).statusCode()).isEqualTo(413);
            assertThat(committed(f, loginA)).isEqualTo(before);
        }
    }

    private static SyncRow appointment(Engine site, UUID id) {
        return site.database().withConnection(c -> SyncSql.fetch(c, SyncTable.APPOINTMENTS, List.of(id)).get(id));
    }

    private static JsonNode push(HttpSyncFixture f, SiteLogin login, SyncRow row, Version agreed) throws Exception {
        ObjectNode batch = SyncWire.push(SyncTable.APPOINTMENTS, List.of(SyncWire.offer(new ServerSide.AppointmentOffer(row, agreed))));
        HttpResponse<String> r = send(f, login, "/sync/push", batch.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return SyncWire.MAPPER.readTree(r.body());
    }

    private static long committed(HttpSyncFixture f, SiteLogin login) throws Exception {
        return SyncWire.MAPPER.readTree(send(f, login, "/sync/mark", null).body()).get("committed").asLong();
    }

    private static HttpResponse<String> send(HttpSyncFixture f, SiteLogin login, String path, String body) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(f.url() + "/api/v1" + path)).header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((login.site() + ":" + login.secret()).getBytes(StandardCharsets.UTF_8)));
        r = body == null ? r.GET() : r.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(r.build(), HttpResponse.BodyHandlers.ofString());
    }
}
