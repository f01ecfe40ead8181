package com.outcomedesk.ui.models;

import com.outcomedesk.common.Actor;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.retrain.RetrainingPolicy;
import com.outcomedesk.retrain.RetrainingService;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.CancelledException;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The retraining policy as the desktop edits it, its decisions, and a run now: the run trains a challenger in the
 * background (progress and Cancel in the status bar) and the policy decides; the decision, with its reasons, is then
 * listed here and on the Monitoring screen.
 */
public final class RetrainingViewModel {
    private final RetrainingService retraining;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    /** Runs after a run that may have changed the active model. */
    private final Runnable onChanged;
    private final ObjectProperty<RetrainingPolicy.Mode> mode = new SimpleObjectProperty<>(RetrainingPolicy.DEFAULTS.mode());
    private final StringProperty everyDays = new SimpleStringProperty();
    private final StringProperty aucMargin = new SimpleStringProperty();
    private final StringProperty calibrationTolerance = new SimpleStringProperty();
    private final StringProperty policyText = new SimpleStringProperty("");
    private final ObservableList<RetrainDecision> decisions = FXCollections.observableArrayList();
    private final ObjectProperty<RetrainDecision> selected = new SimpleObjectProperty<>();
    private final BooleanProperty running = new SimpleBooleanProperty(false);
    // Held as fields: a mapped value nobody holds stops updating its binding after a GC.
    private final ObservableValue<String> reasonsText = selected.map(d -> String.join("\n", d.reasons()))
            .orElse("Choose a decision to read why it was taken.");
    private final StringProperty latestText = new SimpleStringProperty("No retraining decisions yet.");
    private final StringProperty policyRunText = new SimpleStringProperty("");

    public static final String ADMINISTRATORS_ONLY = "The retraining policy is set and run by administrators.";

    public RetrainingViewModel(RetrainingService retraining, Supplier<Actor> actor, Background background, Dialogs dialogs,
                               Runnable onChanged) {
        this.retraining = retraining;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.onChanged = onChanged;
    }

    /** How a mode reads in the choice box. */
    public static String label(RetrainingPolicy.Mode m) {
        return switch (m) {
            case MANUAL -> "Manual only (never activates by itself)";
            case SCHEDULE -> "On a schedule";
            case ALERT -> "On a drift or performance alert";
        };
    }

    public void reload() {
        background.load(p -> new Loaded(retraining.policy(), retraining.decisions()), this::show,
                failure -> dialogs.error("Could not read the retraining policy", FailureSentences.describe(failure)));
    }

    private record Loaded(RetrainingPolicy policy, List<RetrainDecision> decisions) {
    }

    private void show(Loaded l) {
        RetrainingPolicy p = l.policy();
        mode.set(p.mode());
        everyDays.set(p.asMap().get("everyDays"));
        aucMargin.set(p.asMap().get("aucMargin"));
        calibrationTolerance.set(p.asMap().get("calibrationTolerance"));
        policyText.set("Policy: " + p.describe() + (p.setBy() == null ? " (default)" : " (set by " + p.setBy() + ")"));
        decisions.setAll(l.decisions());
        latestText.set(l.decisions().isEmpty() ? "No retraining decisions yet." : "Latest retraining decision: "
                + l.decisions().get(0).summary() + ". " + last(l.decisions().get(0)));
    }

    private static String last(RetrainDecision d) {
        return d.reasons().isEmpty() ? "" : d.reasons().get(d.reasons().size() - 1);
    }

    /** Stores the settings as edited; a refused value is reported and nothing of the edit is stored. */
    public void save() {
        Map<String, String> edit = new LinkedHashMap<>();
        edit.put("mode", mode.get().key());
        edit.put("everyDays", text(everyDays));
        edit.put("aucMargin", text(aucMargin));
        edit.put("calibrationTolerance", text(calibrationTolerance));
        running.set(true);
        background.run("Saving the retraining policy", p -> {
            RetrainingPolicy current = retraining.policy(), checked = current;
            for (Map.Entry<String, String> e : edit.entrySet()) checked = checked.with(e.getKey(), e.getValue());
            for (Map.Entry<String, String> e : edit.entrySet()) {
                if (!current.asMap().get(e.getKey()).equals(checked.asMap().get(e.getKey()))) {
                    retraining.set(e.getKey(), e.getValue(), actor.get());
                }
            }
            return new Loaded(retraining.policy(), retraining.decisions());
        }, loaded -> {
            running.set(false);
            show(loaded);
        }, failure -> {
            running.set(false);
            dialogs.error("Policy not changed", FailureSentences.describe(failure) + " Nothing of this edit was stored.");
        });
    }

    private static String text(StringProperty p) {
        return p.get() == null ? "" : p.get().strip();
    }

    /** Trains a challenger now and lets the policy decide; a manual policy only recommends. */
    public void runNow() {
        if (running.get()) return;
        running.set(true);
        background.run("Retraining policy: training a challenger", p -> retraining.runNow(actor.get(), p), d -> {
            running.set(false);
            dialogs.info("Retraining decision: " + d.outcome().key(), String.join("\n", d.reasons()));
            reload();
            onChanged.run();
        }, failure -> {
            running.set(false);
            if (failure instanceof CancelledException || failure instanceof CancellationException) {
                dialogs.info("Retraining cancelled", "The run was cancelled; nothing was saved and the active model is unchanged.");
            } else {
                dialogs.error("Retraining failed", FailureSentences.describe(failure) + " The active model is unchanged.");
            }
        });
    }

    /**
     * The desktop's look at the policy, as the server's scheduler takes one: whether a run is due is found in the
     * background (under an on-alert policy that runs the monitor), and a due run trains in the background with progress
     * and Cancel, as the policy's own actor; its decision shows in the status bar ({@link #policyRunTextProperty()})
     * and here. Nothing starts while a run is on its way.
     */
    public void checkPolicy() {
        if (running.get()) return;
        background.load(p -> retraining.due(), trigger -> trigger.ifPresent(this::runDue),
                failure -> policyRunText.set("Retraining policy not checked: " + FailureSentences.describe(failure)));
    }

    private void runDue(String trigger) {
        if (running.get()) return;
        running.set(true);
        background.run("Retraining policy (" + trigger + "): training a challenger",
                p -> retraining.run(trigger, retraining.policyActor(), p), d -> {
                    running.set(false);
                    policyRunText.set("Retraining policy: " + d.summary());
                    reload();
                    onChanged.run();
                }, failure -> {
                    running.set(false);
                    policyRunText.set(failure instanceof CancelledException || failure instanceof CancellationException
                            ? "Retraining policy run cancelled; the active model is unchanged."
                            : "Retraining policy run failed: " + FailureSentences.describe(failure));
                });
    }

    public boolean mayChange() {
        return actor.get().isAdministrator();
    }

    public ObjectProperty<RetrainingPolicy.Mode> modeProperty() { return mode; }
    public StringProperty everyDaysProperty() { return everyDays; }
    public StringProperty aucMarginProperty() { return aucMargin; }
    public StringProperty calibrationToleranceProperty() { return calibrationTolerance; }
    public StringProperty policyTextProperty() { return policyText; }
    public ObservableList<RetrainDecision> decisions() { return decisions; }
    public ObjectProperty<RetrainDecision> selectedProperty() { return selected; }
    public BooleanProperty runningProperty() { return running; }
    /** The chosen decision's reasons, one a line. */
    public ObservableValue<String> reasonsTextProperty() { return reasonsText; }
    /** What the policy's last run by itself decided (or why it did not run), for the status bar; empty before one. */
    public StringProperty policyRunTextProperty() { return policyRunText; }
    /** The newest decision in one sentence, for the Monitoring screen. */
    public StringProperty latestTextProperty() { return latestText; }
}
