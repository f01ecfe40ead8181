package com.outcomedesk.cli;

import com.outcomedesk.documents.TrainingDocuments;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.Interval;
import com.outcomedesk.learn.Metric;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.common.ProgressListener;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "train", description = "Cross-validate the candidates on all labelled appointments and save a new model version.")
final class TrainCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--algorithm", defaultValue = "auto", paramLabel = "auto|logreg|forest|gbm",
            description = "auto compares all candidates and keeps the best by AUC (default: ${DEFAULT-VALUE}).")
    String algorithm;
    @Option(names = "--folds", defaultValue = "5", description = "Cross-validation folds (default: ${DEFAULT-VALUE}).")
    int folds;
    @Option(names = "--activate", description = "Make the new version the one that answers predictions.")
    boolean activate;
    @Option(names = "--seed", defaultValue = "42", description = "Seed for folds and training (default: ${DEFAULT-VALUE}).")
    long seed;

    @Override
    public Integer call() {
        TrainingRequest.Algorithm a;
        try {
            a = TrainingRequest.Algorithm.valueOf(algorithm.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown algorithm '" + algorithm + "': use auto, logreg, forest or gbm");
        }
        TrainingRequest request = new TrainingRequest(a, folds, activate, seed, TrainingRequest.DEFAULT_BITS);
        try (Engine engine = root.openEngine()) {
            TrainingService.TrainingResult result = engine.training().train(request, root.actor(), ProgressListener.NONE);
            json.print(spec.commandLine().getOut(), TrainingDocuments.result(result), human(result));
            return 0;
        }
    }

    private static String human(TrainingService.TrainingResult result) {
        Evaluation e = result.evaluation();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Model version %d: %s%s, %d labelled appointments (%d worse), %d-fold%s, %.1f s%n%n",
                result.version(), result.algorithm(), result.activated() ? " (active)" : "", result.labelledRows(), e.worseRows(),
                e.folds(), e.repeats() > 1 ? " x " + e.repeats() : "", result.durationMs() / 1000.0));
        s.append(String.format(Locale.ROOT, "%-16s %-21s %-21s %-7s %-8s %-7s%n", "candidate", "AUC (95% interval)",
                "accuracy", "F1", "log loss", "Brier"));
        for (Evaluation.CandidateResult c : e.candidates()) s.append(row(c));
        s.append(String.format(Locale.ROOT, "%nAblation (logistic regression):%n"));
        for (Evaluation.CandidateResult c : e.ablation()) s.append(row(c));
        s.append(System.lineSeparator());
        for (String note : e.notes()) s.append("* ").append(note).append(System.lineSeparator());
        if (!result.activated()) {
            // Without this a new user predicts next and gets the doctor-rate baseline, not the model just trained.
            s.append(String.format(Locale.ROOT, "%nVersion %d does not answer predictions yet: '%s activate %d' makes it the one "
                    + "that does (or train with --activate).", result.version(), OutcomeDeskCli.LAUNCHER, result.version()));
        }
        return s.toString().stripTrailing();
    }

    private static String row(Evaluation.CandidateResult c) {
        Interval auc = c.metrics().get(Metric.AUC), acc = c.metrics().get(Metric.ACCURACY);
        return String.format(Locale.ROOT, "%-16s %.3f (%.3f-%.3f)  %.3f (%.3f-%.3f)  %.3f   %.4f   %.4f%n", c.name(), auc.mean(),
                auc.low(), auc.high(), acc.mean(), acc.low(), acc.high(), c.metrics().get(Metric.F1).mean(),
                c.metrics().get(Metric.LOG_LOSS).mean(), c.metrics().get(Metric.BRIER).mean());
    }
}
