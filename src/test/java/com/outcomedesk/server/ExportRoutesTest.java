package com.outcomedesk.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.documents.Documents;
import com.outcomedesk.documents.MetricsDocuments;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code GET /export} answers byte for byte what the export command writes for the same store, in JSON and CSV, and
 * only administrators get it identifiable; {@code GET /metrics} answers the document {@code metrics --json} prints.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportRoutesTest extends ReferenceStoreServer {
    @Override
    void beforeServing() {
        // Quotes, commas, a line break and odd Unicode: what CSV quoting and JSON escaping must carry unchanged.
        engine.appointments().create(new AppointmentInput("dr_09", "pain, \"sharp\"\nat night \ud83e\udec0 ' OR 1=1 --",
                LocalDate.of(2024, 2, 29), "P;\u4e2d", "better, \u00e9"), alice);
    }

    @Test
    void theExportIsWhatTheExportCommandWritesInJsonAndCsv() throws Exception {
        String json = commandExport("all.json", FileFormat.JSON);
        String csv = commandExport("all.csv", FileFormat.CSV);
        assertThat(csv).contains("\"pain, \"\"sharp\"\"\nat night");

        ApiClient.Answer asJson = api.get("/api/v1/export", admin);
        assertThat(asJson.status()).isEqualTo(200);
        assertThat(asJson.contentType()).startsWith("application/json");
        assertThat(asJson.body()).isEqualTo(json);
        assertThat(api.get("/api/v1/export?format=csv", admin).body()).isEqualTo(csv);
        ApiClient.Answer accepted = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/export"))
                .header("Authorization", "Bearer " + admin).header("Accept", "text/csv").GET().build());
        assertThat(accepted.contentType()).startsWith("text/csv");
        assertThat(accepted.body()).isEqualTo(csv);
        assertThat(engine.auditLog().list(AuditQuery.action("export"), alice)).anyMatch(e -> "http:appointments.csv".equals(e.entityId()));
    }

    @Test
    void onlyAdministratorsExportIdentifiableData() throws Exception {
        int exports = engine.auditLog().list(AuditQuery.action("export"), alice).size();
        ApiClient.Answer refused = api.get("/api/v1/export", clinician);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(api.get("/api/v1/export", null).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/export?format=xml", admin).status()).isEqualTo(400);
        assertThat(engine.auditLog().list(AuditQuery.action("export"), alice)).hasSize(exports);

        ApiClient.Answer deidentified = api.get("/api/v1/export?deidentified=true", clinician);
        assertThat(deidentified.status()).isEqualTo(200);
        JsonNode rows = deidentified.json();
        assertThat(rows.size()).isEqualTo(Documents.MAPPER.readTree(commandExport("count.json", FileFormat.JSON)).size());
        rows.forEach(r -> assertThat(r.has("patient_ref")).isFalse());
        assertThat(deidentified.body()).doesNotContain("P;\u4e2d");
    }

    @Test
    void metricsAreTheDocumentTheMetricsCommandPrints() throws Exception {
        JsonNode none = api.get("/api/v1/metrics", clinician).json();
        assertThat(none.get("active").isNull()).isTrue();
        assertThat(none.get("metrics").isNull()).isTrue();

        engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42, TrainingRequest.DEFAULT_BITS),
                alice, ProgressListener.NONE);
        ApiClient.Answer active = api.get("/api/v1/metrics", clinician);
        assertThat(active.status()).isEqualTo(200);
        // As metrics --json prints it: the document written, then read back as any client reads it.
        JsonNode expected = Documents.MAPPER.readTree(Documents.MAPPER.writeValueAsString(MetricsDocuments.metrics(
                engine.models(), engine.models().active(), engine.predictions().stats())));
        assertThat(active.json().equals(expected)).as("GET /metrics equals the metrics document").isTrue();
        assertThat(active.json().get("metrics").isObject()).isTrue();
        assertThat(active.json().get("version").asInt()).isEqualTo(active.json().get("active").asInt());
        assertThat(api.get("/api/v1/metrics?version=99", clinician).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/metrics?version=x", clinician).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/metrics", null).status()).isEqualTo(401);
    }

    private String commandExport(String name, FileFormat format) throws Exception {
        Path file = dir.resolve(name);
        engine.exporter().export(file, format, ExportMode.IDENTIFIABLE, alice, ProgressListener.NONE);
        return Files.readString(file);
    }
}
