package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Contribution;
import com.outcomedesk.learn.PredictionRequest;
import com.outcomedesk.learn.PredictionResult;
import com.outcomedesk.learn.Predictor;
import com.outcomedesk.learn.RiskTiers;
import com.outcomedesk.learn.StoredPredictor;
import com.outcomedesk.learn.TaskAgreement;
import com.outcomedesk.text.ClinicalEntityExtractor;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.transfer.RecordReader;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "predict", description = {"Predict better/worse, the outcome category and the risk tier of an appointment.",
        "One appointment (--doctor, --summary), every record of a file (--input), or every appointment in the store whose "
                + "outcome is not known yet (--pending, saves the predictions)."})
final class PredictCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    static final class Source {
        @ArgGroup(exclusive = false)
        Single single;
        @Option(names = "--input", paramLabel = "FILE", description = "A JSON array or CSV of appointments (import format); each row gets the answer, "
                + "with its strongest factors when --explain is given.")
        Path input;
        @Option(names = "--pending", description = "Predict the store's appointments without an outcome and save the predictions.")
        boolean pending;
    }

    static final class Single {
        @Option(names = "--doctor", required = true, paramLabel = "ID") String doctor;
        @Option(names = "--summary", required = true, paramLabel = "TEXT") String summary;
        @Option(names = "--date", paramLabel = "YYYY-MM-DD") LocalDate date;
        @Option(names = "--patient", paramLabel = "REF", description = "The patient reference: a model trained with patient "
                + "history reads the patient's appointments before --date.") String patient;
    }

    @Option(names = "--out", paramLabel = "FILE", description = "With --input: write the predictions (JSON array) here.")
    Path out;
    @Option(names = "--risk-cutoffs", paramLabel = "MEDIUM,HIGH", description = "Probability cut-offs for the risk tiers "
            + "(default: the stored setting, else 0.25,0.5).")
    String cutoffs;
    @Option(names = "--save-cutoffs", description = "Store --risk-cutoffs as the default (administrators).")
    boolean saveCutoffs;

    @Option(names = "--explain", arity = "0..1", fallbackValue = "3", paramLabel = "N", description = "With --input: give each "
            + "row its base value and its N strongest factors (default 3), as predict --json does for one appointment.")
    Integer explain;

    @Override
    public Integer call() throws IOException {
        if (explain != null && (source.input == null || explain < 1)) {
            throw new IllegalArgumentException("--explain N goes with --input, N at least 1");
        }
        if (source.input != null && !saveCutoffs && root.user == null) {
            // A file is scored by the active model alone: read it over one connection, not by starting the whole engine.
            // The dictionary loads on the other core meanwhile (the predictor needs it once the model is read).
            Thread dictionary = new Thread(ClinicalEntityExtractor::defaults, "load-dictionary");
            dictionary.setDaemon(true);
            dictionary.start();
            Optional<StoredPredictor.Ready> ready = StoredPredictor.open(root.location());
            if (ready.isPresent()) {
                batch(ready.get().predictor(), cutoffs == null ? ready.get().tiers() : RiskTiers.parse(cutoffs),
                        spec.commandLine().getOut());
                return 0;
            }
        }
        try (Engine engine = root.openEngine()) {
            RiskTiers tiers = cutoffs == null ? engine.predictions().riskTiers() : RiskTiers.parse(cutoffs);
            if (saveCutoffs) {
                if (cutoffs == null) throw new IllegalArgumentException("--save-cutoffs needs --risk-cutoffs MEDIUM,HIGH");
                engine.predictions().setRiskTiers(tiers, root.actor());
            }
            PrintWriter stdout = spec.commandLine().getOut();
            if (source.single != null) {
                PredictionResult r = engine.predictions().predict(new PredictionRequest(source.single.doctor, source.single.summary,
                        source.single.date, source.single.patient), tiers);
                engine.predictions().record(r, source.single.doctor, null, root.actor());
                json.print(stdout, r, human(r));
            } else if (source.pending) {
                long n = engine.predictions().predictPending(root.actor(), ProgressListener.NONE);
                json.print(stdout, Map.of("predicted", n), n + " appointments without an outcome predicted and saved.");
            } else {
                batch(engine.predictions().predictor(), tiers, stdout);
            }
            return 0;
        }
    }

    private void batch(Predictor predictor, RiskTiers tiers, PrintWriter stdout) throws IOException {
        if (out == null && !json.enabled) throw new IllegalArgumentException("With --input give --out FILE or --json");
        OutputStream target = out == null ? text(stdout) : new BufferedOutputStream(Files.newOutputStream(out), 1 << 16);
        FileScoring.Outcome done;
        try (RecordReader reader = RecordReader.open(source.input, FileFormat.detect(source.input)); OutputStream w = target) {
            done = new FileScoring(predictor, tiers, explain == null ? 0 : explain).run(reader, w);
        }
        List<ImportReport.Rejection> rejected = done.rejected();
        long rejectedTotal = done.rejectedTotal();
        StringBuilder rejections = new StringBuilder();
        rejected.forEach(r -> rejections.append(System.lineSeparator()).append("  record ").append(r.position()).append(": ")
                .append(r.reason()));
        if (rejectedTotal > rejected.size()) {
            rejections.append(System.lineSeparator()).append("  ... and ").append(rejectedTotal - rejected.size()).append(" more");
        }
        if (out == null) {
            // stdout holds the predictions array alone, so the rejected records are listed on stderr.
            stdout.println();
            if (rejectedTotal > 0) spec.commandLine().getErr().println(rejectedTotal + " records rejected:" + rejections);
        } else {
            Map<String, Object> summary = new LinkedHashMap<>();
            summary.put("predicted", done.predicted());
            summary.put("rejectedTotal", rejectedTotal);
            summary.put("rejected", rejected);
            summary.put("out", out.toString());
            summary.put("answeredBy", predictor.answeredBy());
            json.print(stdout, summary, done.predicted() + " predictions written to " + out
                    + (rejectedTotal > 0 ? "; " + rejectedTotal + " records rejected:" + rejections : "."));
        }
    }

    /** The predictions' UTF-8 onto the standard output's writer; FileScoring writes whole rows, never half a character. */
    private static OutputStream text(PrintWriter w) {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                w.write(new String(b, off, len, StandardCharsets.UTF_8));
            }

            @Override
            public void close() {
                w.flush();
            }
        };
    }

    static String human(PredictionResult r) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%s (probability of worse %.2f, %s risk); likeliest category: %s%nanswered by %s in %d us",
                r.label(), r.probability(), r.riskTier(), r.category(), r.answeredBy(), r.latencyMicros()));
        if (r.fallbackReason() != null) s.append(System.lineSeparator()).append("fallback: ").append(r.fallbackReason());
        if (r.modelVersion() == null) {
            s.append(System.lineSeparator()).append("to answer with a trained model: '").append(OutcomeDeskCli.LAUNCHER)
                    .append(" train --activate', or '").append(OutcomeDeskCli.LAUNCHER)
                    .append(" activate VERSION' for a version that 'models' lists");
        }
        if (r.doctorNote() != null) s.append(System.lineSeparator()).append(r.doctorNote());
        String agreement = agreement(r.agreement());
        if (agreement != null) s.append(System.lineSeparator()).append(agreement);
        s.append(System.lineSeparator()).append(String.format(Locale.ROOT,
                "why (log-odds of worse: base %+.3f plus these weights):", r.baseValue()));
        // Terms that print as 0.000 (a word the model gives no weight) go on one line, so the weighed ones stand out.
        List<String> weightless = new ArrayList<>();
        for (Contribution c : r.explanation()) {
            if (Math.abs(c.weight()) < 0.0005) weightless.add(c.term());
            else s.append(String.format(Locale.ROOT, "%n  %+.3f  %s", c.weight(), c.term()));
        }
        if (!weightless.isEmpty()) s.append(String.format(Locale.ROOT, "%n   0.000  %s", String.join("; ", weightless)));
        if (r.whyNot() != null) {
            s.append(System.lineSeparator()).append(String.format(Locale.ROOT, "why not %s: \"%s\" (%+.3f) pulls the other way",
                    r.label().equals("worse") ? "better" : "worse", r.whyNot().term(), r.whyNot().weight()));
        }
        return s.toString();
    }

    /** The category model's own lean, in words, when it differs from the answer; null when they agree. */
    static String agreement(TaskAgreement a) {
        if (a == null) return null;
        return switch (a.kind()) {
            case AGREE -> null;
            case OPPOSITE -> String.format(Locale.ROOT, "The five-category model alone would lean the other way (P(worse) %.2f); "
                    + "the categories shown are rescaled to the calibrated %.2f.", a.worseByCategories(), a.worse());
            case CATEGORIES_STRONGER -> String.format(Locale.ROOT, "The five-category model alone sees more risk (P(worse) %.2f "
                    + "against the calibrated %.2f); the categories shown are rescaled to it.", a.worseByCategories(), a.worse());
            case CATEGORIES_WEAKER -> String.format(Locale.ROOT, "The five-category model alone sees less risk (P(worse) %.2f "
                    + "against the calibrated %.2f); the categories shown are rescaled to it.", a.worseByCategories(), a.worse());
        };
    }

}
