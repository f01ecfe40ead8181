package com.outcomedesk.cli;

import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.transfer.ParsedRecord;
import com.outcomedesk.transfer.RecordReader;
import com.outcomedesk.transfer.AppointmentRecord;
import com.outcomedesk.outcome.OutcomeCategory;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a file of appointments into a JSON array, rows in file order. The reading thread parses chunks while
 * worker threads (one per core) score each chunk and render it as JSON text; the reading thread writes the rendered
 * chunks in order, so reading, scoring and writing overlap and memory holds only the chunks in flight. Rows are
 * rendered straight to UTF-8 ({@link JsonBytes}).
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

    Outcome run(RecordReader reader, OutputStream target) throws IOException {
        int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
        ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "predict-file");
            t.setDaemon(true);
            return t;
        });
        long predicted = 0, rejectedTotal = 0;
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        ArrayDeque<Future<byte[]>> inFlight = new ArrayDeque<>();
        try {
            target.write(OPEN);
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
            target.write(CLOSE);
        } finally {
            pool.shutdownNow();
        }
        return new Outcome(predicted, rejectedTotal, rejected);
    }

    private static final byte[] OPEN = {'['}, CLOSE = {']'};
    private static final OutcomeCategory[] CATEGORIES = OutcomeCategory.values();

    private static byte[] take(Future<byte[]> f) throws IOException {
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

    /** One chunk as the comma-separated array elements it adds (with a leading comma unless it is the first), in UTF-8. */
    private byte[] render(List<AppointmentRecord> rows, boolean first) {
        JsonBytes json = new JsonBytes(rows.size() * (explain == 0 ? 360 : 640));
        for (int i = 0; i < rows.size(); i++) {
            if (i > 0 || !first) json.raw(",");
            AppointmentRecord r = rows.get(i);
            PredictionRequest request = new PredictionRequest(r.doctorId(), r.summary(), r.appointmentDate(), r.patientRef());
            json.raw("{\"id\":").string(r.id()).raw(",\"doctorId\":").string(r.doctorId());
            if (explain == 0) {
                Predictor.Answer a = predictor.answer(request, tiers);
                writeAnswer(json, a.label(), a.probability(), a.category(), a.categoryProbabilities(), a.riskTier(),
                        a.doctorKnown(), a.agreement().name());
            } else {
                PredictionResult a = predictor.predict(request, tiers);
                double[] categories = new double[CATEGORIES.length];
                for (OutcomeCategory c : CATEGORIES) categories[c.ordinal()] = a.categoryProbabilities().get(c.code());
                writeAnswer(json, a.label(), a.probability(), a.category(), categories, a.riskTier(), a.doctorKnown(),
                        a.agreement().kind().name());
                writeExplanation(json, a);
            }
            json.raw("}}");
        }
        return json.toArray();
    }

    /** The answer's fields, leaving the prediction object open for an explanation. */
    private static void writeAnswer(JsonBytes json, String label, double probability, String category, double[] categories,
                                    String tier, boolean doctorKnown, String agreement) {
        json.raw(",\"prediction\":{\"label\":").string(label).raw(",\"probability\":").number(probability)
                .raw(",\"category\":").string(category).raw(",\"categoryProbabilities\":{");
        for (OutcomeCategory c : CATEGORIES) {
            json.raw(c.ordinal() == 0 ? "\"" : ",\"").raw(c.code()).raw("\":").number(categories[c.ordinal()]);
        }
        json.raw("},\"riskTier\":").string(tier).raw(",\"doctorKnown\":").bool(doctorKnown).raw(",\"agreement\":").string(agreement);
    }

    /** The base value and the strongest factors (strongest first, as the full answer orders them), and the why-not. */
    private void writeExplanation(JsonBytes json, PredictionResult a) {
        json.raw(",\"baseValue\":").number(a.baseValue()).raw(",\"explanation\":[");
        List<Contribution> factors = a.explanation();
        for (int k = 0; k < Math.min(explain, factors.size()); k++) {
            if (k > 0) json.raw(",");
            writeFactor(json, factors.get(k));
        }
        json.raw("]");
        if (a.whyNot() != null) {
            json.raw(",\"whyNot\":");
            writeFactor(json, a.whyNot());
        }
    }

    private static void writeFactor(JsonBytes json, Contribution c) {
        json.raw("{\"term\":").string(c.term()).raw(",\"weight\":").number(c.weight()).raw(",\"kind\":").string(c.kind().name())
                .raw("}");
    }
}
