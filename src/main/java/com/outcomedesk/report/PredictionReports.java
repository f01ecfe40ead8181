package com.outcomedesk.report;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import com.outcomedesk.audit.AuditTrail;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.common.Actor;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** Writes prediction reports as PDF for the chart note, and records each in the audit trail (without its text). */
public final class PredictionReports {
    /** What the figures mean and do not mean: printed on every report, since it leaves the app. */
    static final String NOTE = "How to read this report. The probability is the model's estimate that this appointment's"
            + " outcome will be worse (poor or critical), learnt from this clinic's past appointments and calibrated on"
            + " appointments it had not seen. It is a risk signal to weigh with clinical judgement, not a diagnosis or a"
            + " forecast: the cross-validated accuracy says how often such answers were right on held-out appointments,"
            + " so the remainder were wrong. The weights show which terms moved the model's score (positive towards worse);"
            + " they are associations in past notes, not causes. The category probabilities come from a separate, weaker"
            + " model; where the two differ, the better/worse figure is the one to use.";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT);
    private static final Font TITLE = new Font(Font.HELVETICA, 16, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 12, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font BOLD = new Font(Font.HELVETICA, 10, Font.BOLD);
    private static final Font SMALL = new Font(Font.HELVETICA, 8.5f, Font.ITALIC, new Color(0x44, 0x44, 0x44));

    private final AuditTrail audit;

    public PredictionReports(AuditTrail audit) {
        this.audit = audit;
    }

    /** Writes the report to the file (replacing it only once the whole PDF is written) and audits it. */
    public void write(PredictionReport report, Path file, Actor actor) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Path partial = Files.createTempFile(parent, ".report-", ".pdf.part");
            try {
                try (OutputStream out = Files.newOutputStream(partial)) {
                    render(report, out);
                }
                Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the report to " + file + ": " + e.getMessage(), e);
        }
        audit.record(actor, "prediction-report", "appointment",
                report.appointmentId() == null ? null : report.appointmentId().toString(),
                "model=" + (report.model() == null ? "baseline" : report.model().version()));
    }

    static void render(PredictionReport r, OutputStream out) {
        Document doc = new Document(PageSize.A4, 50, 50, 50, 50);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle("Prediction report");
            doc.addCreator("OutcomeDesk");
            doc.open();
            doc.add(new Paragraph("OutcomeDesk prediction report", TITLE));
            doc.add(new Paragraph("Written " + r.createdAt().format(TIME) + " by " + r.createdBy(), BODY));

            heading(doc, "Appointment");
            PdfPTable appointment = table(new float[] {1, 4});
            row(appointment, "Doctor", r.doctorId());
            row(appointment, "Date", r.date() == null ? "not given" : r.date().toString());
            row(appointment, "Patient reference", r.patientRef() == null || r.patientRef().isBlank() ? "none" : r.patientRef());
            row(appointment, "Summary", r.summary());
            doc.add(appointment);

            PredictionResult p = r.result();
            heading(doc, "Prediction");
            PdfPTable prediction = table(new float[] {2, 3});
            row(prediction, "Probability of a worse outcome", String.format(Locale.ROOT, "%.2f (%.0f%%)", p.probability(),
                    p.probability() * 100));
            row(prediction, "Label", p.label());
            row(prediction, "Risk tier", p.riskTier());
            for (Map.Entry<String, Double> c : p.categoryProbabilities().entrySet()) {
                row(prediction, "P(" + c.getKey() + ")", String.format(Locale.ROOT, "%.2f", c.getValue()));
            }
            doc.add(prediction);
            if (r.reading() != null) doc.add(new Paragraph(r.reading(), BODY));
            if (p.doctorNote() != null) doc.add(new Paragraph("Note: " + p.doctorNote() + ".", BODY));

            heading(doc, "What drove it");
            if (p.explanation().isEmpty()) {
                doc.add(new Paragraph("No terms: the answer rests on the doctor's rate alone.", BODY));
            } else {
                PdfPTable drivers = table(new float[] {4, 1, 2});
                header(drivers, "Term", "Weight", "Pushes");
                for (Contribution c : p.explanation()) {
                    cell(drivers, c.term(), BODY);
                    cell(drivers, String.format(Locale.ROOT, "%+.2f", c.weight()), BODY);
                    cell(drivers, c.weight() > 0 ? "towards worse" : c.weight() < 0 ? "towards better" : "neither way", BODY);
                }
                doc.add(drivers);
            }

            heading(doc, "Model");
            doc.add(new Paragraph(model(r.model(), p), BODY));

            Paragraph note = new Paragraph(NOTE, SMALL);
            note.setSpacingBefore(14);
            doc.add(note);
        } catch (DocumentException e) {
            throw new IllegalStateException("Cannot lay out the report: " + e.getMessage(), e);
        } finally {
            doc.close();
        }
    }

    static String model(ModelVersionInfo m, PredictionResult p) {
        if (m == null || p.modelVersion() == null || m.version() != p.modelVersion()) {
            return "Answered by " + p.answeredBy() + (p.fallbackReason() == null ? "" : " (" + p.fallbackReason() + ")")
                    + ": no cross-validated metrics apply.";
        }
        return String.format(Locale.ROOT, "Answered by model version %d (%s), trained %s on %,d labelled appointments."
                        + " Cross-validated (%d folds): accuracy %s, F1 %s, AUC %s.", m.version(), m.algorithm(),
                m.trainedAt() == null ? "at an unknown time" : m.trainedAt().format(TIME) + (m.trainedBy() == null ? "" : " by " + m.trainedBy()),
                m.labelledRows() == null ? 0 : m.labelledRows(), m.folds() == null ? 0 : m.folds(),
                fmt(m.accuracy()), fmt(m.f1()), fmt(m.auc()));
    }

    private static String fmt(Double d) {
        return d == null ? "n/a" : String.format(Locale.ROOT, "%.3f", d);
    }

    private static void heading(Document doc, String text) throws DocumentException {
        Paragraph h = new Paragraph(text, HEADING);
        h.setSpacingBefore(12);
        h.setSpacingAfter(4);
        doc.add(h);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setHorizontalAlignment(Element.ALIGN_LEFT);
        return t;
    }

    private static void row(PdfPTable t, String name, String value) {
        cell(t, name, BOLD);
        cell(t, value, BODY);
    }

    private static void header(PdfPTable t, String... names) {
        for (String n : names) {
            PdfPCell c = new PdfPCell(new Phrase(n, BOLD));
            c.setBackgroundColor(new Color(0xE8, 0xEC, 0xF0));
            c.setPadding(4);
            t.addCell(c);
        }
    }

    private static void cell(PdfPTable t, String text, Font font) {
        PdfPCell c = new PdfPCell(new Phrase(new Chunk(text, font)));
        c.setPadding(4);
        t.addCell(c);
    }
}
