package com.outcomedesk.ui.models;

import com.outcomedesk.learn.Metric;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.learn.TrainingService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Retraining: the options, the run (progress and cancel come from the status bar's background work),
 * then the new candidate beside the active model, and activating it. The candidate is never activated
 * by training itself, so the administrator decides with the comparison in front of them.
 */
public final class RetrainViewModel {
    private final TrainingService training;
    private final ModelRegistry models;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    /** Runs after training (a new version to list) and after activation. */
    private final Runnable onChanged;
    private final ObjectProperty<TrainingRequest.Algorithm> algorithm = new SimpleObjectProperty<>(TrainingRequest.Algorithm.AUTO);
    private final IntegerProperty folds = new SimpleIntegerProperty(TrainingRequest.defaults().folds());
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final ObjectProperty<TrainingService.TrainingResult> result = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelVersionInfo> previous = new SimpleObjectProperty<>();
    private final ObservableList<Row> comparison = FXCollections.observableArrayList();
    private final BooleanProperty activated = new SimpleBooleanProperty(false);
    // What the dialog shows of the run, held here so the labels' bindings stay attached.
    private final ObservableValue<String> notesText = result.map(r -> String.join("\n", r.notes())).orElse("");
    private final ObservableValue<String> activatedText = activated.map(a -> a ? ACTIVATED : "");
    private final ObjectProperty<Verdict> verdict = new SimpleObjectProperty<>();

    /** One line of the side-by-side comparison. */
    public record Row(String metric, String active, String candidate) {
    }

    /**
     * How the candidate compares with the active model on cross-validated AUC (both models' own honest
     * figure), in words; Activate is the default only for a candidate that is better, or when none is active.
     */
    public record Verdict(boolean activateByDefault, boolean worse, String text) {
    }

    /** Why a clinician cannot train. */
    public static final String ADMINISTRATORS_ONLY = "Retraining is for administrators: ask one to train and activate a model.";

    public RetrainViewModel(TrainingService training, ModelRegistry models, Supplier<Actor> actor, Background background,
                            Dialogs dialogs, Runnable onChanged) {
        this.training = training;
        this.models = models;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.onChanged = onChanged;
    }

    public static final String TITLE = "Retrain";
    public static final String HEADER = "Train a new model from the labelled appointments";
    static final String ACTIVATED = "Activated: predictions now use the new version.";

    /** The algorithm a label names, or null for text that names none. */
    public static TrainingRequest.Algorithm algorithmOf(String label) {
        for (TrainingRequest.Algorithm a : TrainingRequest.Algorithm.values()) if (label(a).equals(label)) return a;
        return null;
    }

    /** How an algorithm reads in the dialog: words, not the command line's constants. */
    public static String label(TrainingRequest.Algorithm algorithm) {
        return switch (algorithm) {
            case AUTO -> "Automatic (best cross-validated AUC)";
            case LOGREG -> "Logistic regression";
            case FOREST -> "Random forest";
            case GBM -> "Gradient boosting";
        };
    }

    public void train() {
        if (running.get()) return;
        TrainingRequest defaults = TrainingRequest.defaults();
        TrainingRequest request = new TrainingRequest(algorithm.get(), folds.get(), false, defaults.seed(), defaults.hashBits());
        running.set(true);
        result.set(null);
        verdict.set(null);
        previous.set(null);
        comparison.clear();
        activated.set(false);
        background.run("Training a model", p -> {
            ModelVersionInfo before = models.active().orElse(null);
            return new Outcome(before, training.train(request, actor.get(), p));
        }, outcome -> {
            running.set(false);
            previous.set(outcome.before());
            result.set(outcome.result());
            comparison.setAll(compare(outcome.before(), outcome.result()));
            verdict.set(verdict(outcome.before(), outcome.result()));
            onChanged.run();
        }, failure -> {
            running.set(false);
            if (failure instanceof CancelledException || failure instanceof java.util.concurrent.CancellationException) {
                dialogs.info("Training cancelled", "Training was cancelled; the active model is unchanged.");
            } else {
                dialogs.error("Training failed", FailureSentences.describe(failure) + " The active model is unchanged.");
            }
        });
    }

    private record Outcome(ModelVersionInfo before, TrainingService.TrainingResult result) {
    }

    static List<Row> compare(ModelVersionInfo before, TrainingService.TrainingResult r) {
        List<Row> rows = new ArrayList<>();
        rows.add(new Row("Version", before == null ? "none" : String.valueOf(before.version()), String.valueOf(r.version())));
        rows.add(new Row("Algorithm", before == null ? "" : before.algorithm(), r.algorithm()));
        rows.add(new Row("Accuracy (cross-validated)", fmt(before == null ? null : before.accuracy()), fmt(r.metrics().get(Metric.ACCURACY))));
        rows.add(new Row("F1 (cross-validated)", fmt(before == null ? null : before.f1()), fmt(r.metrics().get(Metric.F1))));
        rows.add(new Row("AUC (cross-validated)", fmt(before == null ? null : before.auc()), fmt(r.metrics().get(Metric.AUC))));
        rows.add(new Row("Labelled records", before == null || before.labelledRows() == null ? "" : String.format("%,d", before.labelledRows()),
                String.format("%,d", r.labelledRows())));
        return rows;
    }

    static Verdict verdict(ModelVersionInfo before, TrainingService.TrainingResult r) {
        Double candidateAuc = r.metrics().get(Metric.AUC);
        if (before == null || before.auc() == null || candidateAuc == null) {
            return new Verdict(true, false, "No model with a cross-validated AUC is active: activating the candidate"
                    + " lets it answer instead of the doctor-rate baseline.");
        }
        // Compared as shown (three decimals), so the words never contradict the table.
        long active = Math.round(before.auc() * 1000), candidate = Math.round(candidateAuc * 1000);
        String figures = String.format(Locale.ROOT, "cross-validated AUC %.3f against %.3f for the active version %d",
                candidateAuc, before.auc(), before.version());
        String data = before.labelledRows() != null && before.labelledRows() != r.labelledRows()
                ? String.format(" (evaluated on %,d labelled records; the active version on %,d).", r.labelledRows(), before.labelledRows())
                : ".";
        if (candidate > active) return new Verdict(true, false, "The candidate is better: " + figures + data);
        if (candidate == active) {
            return new Verdict(false, false, "The candidate is no better than the active model: " + figures + data
                    + " Keeping the current model is the default.");
        }
        return new Verdict(false, true, "The candidate is worse than the active model: " + figures + data
                + " Keep the current model unless you have another reason to switch.");
    }

    /** Whether the signed-in user may train (the engine checks again). */
    public boolean mayTrain() {
        return actor.get().isAdministrator();
    }

    private static String fmt(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    /** Activates the candidate; running until done, so a second click neither activates twice nor trains meanwhile. */
    public void activate() {
        TrainingService.TrainingResult r = result.get();
        if (r == null || activated.get() || running.get()) return;
        running.set(true);
        background.run("Activating version " + r.version(), p -> models.activate(r.version(), actor.get()), v -> {
            running.set(false);
            activated.set(true);
            onChanged.run();
        }, failure -> {
            running.set(false);
            dialogs.error("Could not activate", FailureSentences.describe(failure));
        });
    }

    public ObjectProperty<TrainingRequest.Algorithm> algorithmProperty() { return algorithm; }
    public IntegerProperty foldsProperty() { return folds; }
    public BooleanProperty runningProperty() { return running; }
    public ObjectProperty<TrainingService.TrainingResult> resultProperty() { return result; }
    public ObjectProperty<ModelVersionInfo> previousProperty() { return previous; }
    public ObservableList<Row> comparison() { return comparison; }
    public BooleanProperty activatedProperty() { return activated; }
    /** The run's notes, one a line; empty before a run. */
    public ObservableValue<String> notesTextProperty() { return notesText; }
    /** Says the candidate now answers predictions, once activated. */
    public ObservableValue<String> activatedTextProperty() { return activatedText; }
    public ObjectProperty<Verdict> verdictProperty() { return verdict; }
}
