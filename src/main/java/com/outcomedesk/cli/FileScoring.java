package com.outcomedesk.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.transfer.ParsedRecord;
import com.outcomedesk.transfer.RecordReader;
import com.outcomedesk.transfer.AppointmentRecord;
import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a file of appointments into a JSON array, rows in file order. The reading thread parses chunks while
 * worker threads (one per core) score each chunk and render it as JSON text; the reading thread writes the rendered
 * chunks in order, so reading, scoring and writing overlap and memory holds only the chunks in flight.
 */
final class FileScoring {
    /** Small enough that the first chunk starts scoring soon, large enough that handing over costs nothing. */
    static final int CHUNK = 2_048;

    record Outcome(long predicted, long rejectedTotal, List<ImportReport.Rejection> rejected) {
    }

    private final Predictor predictor;
    private final RiskTiers tiers;
    /** Factors per row; 0 writes the answer alone, the fast path. */
    private final int explain;

    FileScoring(Predictor predictor, RiskTiers tiers, int explain) {
        this.predictor = predictor;
        this.tiers = tiers;
        this.explain = explain;
    }

    Outcome run(RecordReader reader, Writer target) throws IOException {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "predict-file");
            t.setDaemon(true);
            return t;
        });
        long predicted = 0, rejectedTotal = 0;
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        ArrayDeque<Future<String>> inFlight = new ArrayDeque<>();
        try {
            target.write('[');
            boolean first = true;
            List<AppointmentRecord> chunk = new ArrayList<>(CHUNK);
            for (ParsedRecord p = reader.next(); ; p = reader.next()) {
                if (p != null && p.rejected()) {
                    if (rejected.size() < ImportReport.MAX_LISTED) rejected.add(new ImportReport.Rejection(p.position(), p.rejection()));
                    rejectedTotal++;
                } else if (p != null) {
                    chunk.add(p.record());
                }
                if (chunk.size() == CHUNK || p == null && !chunk.isEmpty()) {
                    List<AppointmentRecord> rows = chunk;
                    boolean leading = first;
                    inFlight.add(pool.submit(() -> render(rows, leading)));
                    predicted += rows.size();
                    first = false;
                    chunk = new ArrayList<>(CHUNK);
                    // At most two chunks a worker wait, so a slow disk cannot make memory grow with the file.
                    while (inFlight.size() > 2 * workers) target.write(take(inFlight.poll()));
                }
                if (p == null) break;
            }
            while (!inFlight.isEmpty()) target.write(take(inFlight.poll()));
            target.write(']');
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(predicted, rejectedTotal, rejected);
    }

    private static String take(Future<String> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scoring the file", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            if (e.getCause() instanceof IOException io) throw io;
            throw new IllegalStateException(e.getCause());
        }
    }

    /** One chunk as the comma-separated array elements it adds (with a leading comma unless it is the first). */
    private String render(List<AppointmentRecord> rows, boolean first) throws IOException {
        StringWriter text = new StringWriter(rows.size() * 360);
        try (JsonGenerator g = JsonOption.MAPPER.getFactory().createGenerator(text)) {
            g.setRootValueSeparator(null);
            for (int i = 0; i < rows.size(); i++) {
                if (i > 0 || !first) g.writeRaw(',');
                AppointmentRecord r = rows.get(i);
                PredictionRequest request = new PredictionRequest(r.doctorId(), r.summary(), r.appointmentDate());
                g.writeStartObject();
                g.writeStringField("id", r.id());
                g.writeStringField("doctorId", r.doctorId());
                if (explain == 0) {
                    Predictor.Answer a = predictor.answer(request, tiers);
                    writeAnswer(g, a.label(), a.probability(), a.category(), a.categoryProbabilities(), a.riskTier(),
                            a.doctorKnown(), a.agreement().name());
                    g.writeEndObject();
                } else {
                    PredictionResult a = predictor.predict(request, tiers);
                    writeAnswer(g, a.label(), a.probability(), a.category(), a.categoryProbabilities(), a.riskTier(),
                            a.doctorKnown(), a.agreement().kind().name());
                    writeExplanation(g, a);
                    g.writeEndObject();
                }
                g.writeEndObject();
            }
        }
        return text.toString();
    }

    /** The answer's fields, leaving the prediction object open for an explanation. */
    private static void writeAnswer(JsonGenerator g, String label, double probability, String category,
                                    Map<String, Double> categories, String tier, boolean doctorKnown, String agreement)
            throws IOException {
        g.writeObjectFieldStart("prediction");
        g.writeStringField("label", label);
        g.writeNumberField("probability", probability);
        g.writeStringField("category", category);
        g.writeObjectFieldStart("categoryProbabilities");
        for (Map.Entry<String, Double> e : categories.entrySet()) g.writeNumberField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeStringField("riskTier", tier);
        g.writeBooleanField("doctorKnown", doctorKnown);
        g.writeStringField("agreement", agreement);
    }

    /** The base value and the strongest factors (strongest first, as the full answer orders them), and the why-not. */
    private void writeExplanation(JsonGenerator g, PredictionResult a) throws IOException {
        g.writeNumberField("baseValue", a.baseValue());
        g.writeArrayFieldStart("explanation");
        List<Contribution> factors = a.explanation();
        for (int k = 0; k < Math.min(explain, factors.size()); k++) writeFactor(g, factors.get(k));
        g.writeEndArray();
        if (a.whyNot() != null) {
            g.writeFieldName("whyNot");
            writeFactor(g, a.whyNot());
        }
    }

    private static void writeFactor(JsonGenerator g, Contribution c) throws IOException {
        g.writeStartObject();
        g.writeStringField("term", c.term());
        g.writeNumberField("weight", c.weight());
        g.writeStringField("kind", c.kind().name());
        g.writeEndObject();
    }
}
