package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.documents.MonitorDocuments;
import com.outcomedesk.monitor.MonitorGrouping;
import com.outcomedesk.monitor.MonitorStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /monitor} answers the document {@code monitor --json} prints; {@code GET /alerts} lists what it raised,
 * {@code POST /alerts/{id}/ack} acknowledges one with who and when; the open count is a Prometheus gauge.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitorRoutesTest extends ReferenceStoreServer {
    @Override
    void beforeServing() {
        try {
            MonitorStream.write(engine, dir, alice, 6, 150, 4, 21);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theMonitorIsTheDocumentTheCommandPrintsAndAlertsCanBeAcknowledged() throws Exception {
        ApiClient.Answer answer = api.get("/api/v1/monitor", clinician);
        assertThat(answer.status()).isEqualTo(200);
        JsonNode doc = answer.json();
        JsonNode expected = Documents.MAPPER.readTree(Documents.MAPPER.writeValueAsString(
                MonitorDocuments.monitor(engine.monitor().run(MonitorGrouping.MONTH, alice))));
        assertThat(doc.get("periods")).isEqualTo(expected.get("periods"));
        assertThat(doc.get("drift")).isEqualTo(expected.get("drift"));
        assertThat(doc.get("periods").get(0).get("intervals").get("auc").get("method").asText()).isEqualTo("DeLong");

        JsonNode alerts = api.get("/api/v1/alerts", clinician).json();
        int open = alerts.get("openAlerts").asInt();
        assertThat(open).isPositive();
        assertThat(api.get("/api/v1/metrics/prometheus", null).body()).contains("outcomedesk_monitor_open_alerts " + open);
        String id = alerts.get("alerts").get(0).get("id").asText();
        ApiClient.Answer acked = api.post("/api/v1/alerts/" + id + "/ack", clinician, "");
        assertThat(acked.status()).isEqualTo(200);
        assertThat(acked.json().get("acknowledgedBy").asText()).isEqualTo("carl");
        assertThat(api.get("/api/v1/alerts", clinician).json().get("openAlerts").asInt()).isEqualTo(open - 1);
    }

    @Test
    void badRequestsAreRefusedWithProblems() {
        assertThat(api.get("/api/v1/monitor", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/monitor?by=week", clinician).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/monitor?by=doctor", clinician).json().get("periods").get(0).has("group")).isTrue();
        assertThat(api.post("/api/v1/alerts/not-an-id/ack", clinician, "").status()).isEqualTo(404);
        assertThat(api.post("/api/v1/alerts/" + java.util.UUID.randomUUID() + "/ack", clinician, "").status()).isEqualTo(404);
    }
}
