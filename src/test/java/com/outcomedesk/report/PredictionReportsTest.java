package com.outcomedesk.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.audit.AuditQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PredictionReportsTest {
    @TempDir Path dir;

    @Test
    void writesAValidPdfWithEverythingTheChartNoteNeedsAndAuditsItWithoutItsText() throws IOException {
        Map<String, Double> categories = new LinkedHashMap<>();
        categories.put("critical", 0.16);
        categories.put("poor", 0.25);
        categories.put("neutral", 0.19);
        categories.put("good", 0.30);
        categories.put("excellent", 0.10);
        PredictionResult result = new PredictionResult("worse", 0.60, "good", categories, "high", 3, "model version 3", null,
                true, null, List.of(new Contribution("chest pain", 0.8123), new Contribution("entity symptom:fever:negated", -0.4)), 12);
        ModelVersionInfo model = new ModelVersionInfo(UUID.randomUUID(), 3, "logreg", "active", "alice",
                OffsetDateTime.of(2026, 11, 30, 9, 15, 0, 0, ZoneOffset.UTC), 1000L, 9486L, 5, "f", 0.749, 0.681, 0.676);
        UUID appointment = UUID.randomUUID();
        PredictionReport report = new PredictionReport(appointment, "dr_017", LocalDate.of(2025, 3, 15), "MRN-4471",
                "Severe chest pain, no fever. Will reassess in 2 weeks.", result, "The two models disagree: trust the better/worse figure.",
                model, OffsetDateTime.of(2026, 12, 1, 10, 30, 0, 0, ZoneOffset.UTC), "carol");
        Path file = dir.resolve("report.pdf");

        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            new PredictionReports(engine.audit()).write(report, file, new Actor("carol", Role.CLINICIAN));
            var entries = engine.auditLog().list(AuditQuery.action("prediction-report"), Actor.localUser());
            assertThat(entries).singleElement().satisfies(e -> {
                assertThat(e.user()).isEqualTo("carol");
                assertThat(e.entityId()).isEqualTo(appointment.toString());
                assertThat(e.details()).isEqualTo("model=3").doesNotContain("chest").doesNotContain("MRN");
            });
        }

        assertThat(new String(Files.readAllBytes(file), 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text;
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            assertThat(pdf.getNumberOfPages()).isGreaterThanOrEqualTo(1);
            text = new PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertThat(text).contains("Doctor dr_017", "Date 2025-03-15", "Patient reference MRN-4471",
                "Severe chest pain, no fever. Will reassess in 2 weeks.",
                "Probability of a worse outcome 0.60 (60%)", "Label worse", "Risk tier high",
                "P(critical) 0.16", "P(poor) 0.25", "P(neutral) 0.19", "P(good) 0.30", "P(excellent) 0.10",
                "The two models disagree",
                "chest pain +0.81 towards worse", "entity symptom:fever:negated -0.40 towards better",
                "model version 3 (logreg)", "on 9,486 labelled appointments", "(5 folds): accuracy 0.681, F1 0.676, AUC 0.749",
                "Written 2026-12-01 10:30 UTC by carol", "not a diagnosis", "associations in past notes, not causes");
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().endsWith(".part"))).as("no partial file left").isEmpty();
    }

    @Test
    void aBaselineAnswerSaysNoCrossValidatedMetricsApply() {
        PredictionResult baseline = new PredictionResult("better", 0.3, "good", Map.of("good", 1.0), "low", null,
                "doctor-rate baseline", "no model version is active yet", true, null, List.of(), 5);
        assertThat(PredictionReports.model(null, baseline))
                .isEqualTo("Answered by doctor-rate baseline (no model version is active yet): no cross-validated metrics apply.");
    }
}
