package com.outcomedesk.ui.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.security.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.Problems;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The models dashboard: the versions, the active one's cross-validated evaluation, activation and rollback. */
public final class ModelsViewModel {
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    private final ModelRegistry models;
    private final PredictionService predictions;
    private final Supplier<Actor> actor;
    private final Background background;
    private final Dialogs dialogs;
    private final Runnable onActiveChanged;
    private final ObservableList<ModelVersionInfo> versions = FXCollections.observableArrayList();
    private final ObjectProperty<ModelVersionInfo> active = new SimpleObjectProperty<>();
    private final ObjectProperty<Evaluation> evaluation = new SimpleObjectProperty<>();
    private final ObjectProperty<PredictionService.PredictionStats> stats = new SimpleObjectProperty<>();
    private final ObjectProperty<ModelVersionInfo> selected = new SimpleObjectProperty<>();

    public ModelsViewModel(ModelRegistry models, PredictionService predictions, Supplier<Actor> actor,
                           Background background, Dialogs dialogs, Runnable onActiveChanged) {
        this.models = models;
        this.predictions = predictions;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.onActiveChanged = onActiveChanged;
    }

    private record Snapshot(List<ModelVersionInfo> versions, ModelVersionInfo active, Evaluation evaluation,
                            PredictionService.PredictionStats stats) {
    }

    public void reload() {
        background.load(p -> {
            ModelVersionInfo current = models.active().orElse(null);
            Evaluation e = current == null ? null : evaluation(models.metrics(current.version()));
            return new Snapshot(models.list(), current, e, predictions.stats());
        }, s -> {
            versions.setAll(s.versions());
            active.set(s.active());
            evaluation.set(s.evaluation());
            stats.set(s.stats());
        }, this::fail);
    }

    /** The evaluation stored with a version's metrics, or null when it has none (e.g. an older format). */
    static Evaluation evaluation(JsonNode metrics) {
        JsonNode node = metrics == null ? null : metrics.get("evaluation");
        if (node == null || node.isNull()) return null;
        try {
            return JSON.treeToValue(node, Evaluation.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public void activateSelected() {
        ModelVersionInfo v = selected.get();
        if (v == null || !dialogs.confirm("Activate model", "Make version " + v.version() + " (" + v.algorithm()
                + ") the model that answers predictions?")) return;
        background.run("Activating version " + v.version(), p -> models.activate(v.version(), actor.get()), done -> changed(), this::fail);
    }

    public void rollback() {
        if (!dialogs.confirm("Roll back", "Return to the version that was active before the current one?")) return;
        background.run("Rolling back", p -> models.rollback(actor.get()), done -> changed(), this::fail);
    }

    /** After training, activation or rollback: reload and tell the status bar. */
    public void changed() {
        reload();
        onActiveChanged.run();
    }

    private void fail(Throwable failure) {
        dialogs.error("Models", Problems.describe(failure));
    }

    public ObservableList<ModelVersionInfo> versions() { return versions; }
    public ObjectProperty<ModelVersionInfo> activeProperty() { return active; }
    public ObjectProperty<Evaluation> evaluationProperty() { return evaluation; }
    public ObjectProperty<PredictionService.PredictionStats> statsProperty() { return stats; }
    public ObjectProperty<ModelVersionInfo> selectedProperty() { return selected; }
}
