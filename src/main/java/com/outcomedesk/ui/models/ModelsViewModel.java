package com.outcomedesk.ui.models;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outcomedesk.learn.Evaluation;
import com.outcomedesk.learn.ModelRegistry;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionService;
import com.outcomedesk.common.Actor;
import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.Dialogs;
import com.outcomedesk.ui.support.FailureSentences;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.beans.value.ObservableValue;
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
    // Fields, not made per call: Bindings.create* observes its sources weakly, so one nobody holds stops at a GC.
    private final ObservableValue<ModelCharts.EvaluationCharts> evaluationCharts = evaluation.map(ModelCharts::evaluation);
    private final ObservableValue<ModelCharts.Versions> versionsChart =
            Bindings.createObjectBinding(() -> ModelCharts.versions(versions), versions);
    private final ObservableValue<String> activeText = active.map(v -> "Active: version " + v.version() + " (" + v.algorithm() + ")")
            .orElse("No active model: predictions use the doctor-rate baseline.");
    private final ObjectProperty<java.util.Map<Integer, String>> artifactStates = new SimpleObjectProperty<>(java.util.Map.of());

    public ModelsViewModel(ModelRegistry models, PredictionService predictions, Supplier<Actor> actor,
                           Background background, Dialogs dialogs, Runnable onActiveChanged) {
        this.models = models;
        this.predictions = predictions;
        this.actor = actor;
        this.background = background;
        this.dialogs = dialogs;
        this.onActiveChanged = onActiveChanged;
    }

    /** Why a clinician's Retrain, Activate and Roll back are disabled. */
    public static final String ADMINISTRATORS_ONLY = "Retraining, activation and rollback are for administrators.";

    /** A tile's figure: null value while unknown (not loaded, or no active model), never a misleading 0. */
    public record TileFigure(Double value, int decimals, String unit) {
        /** The figure as the tile shows it, grouped in the user's locale, with its unit. */
        public String text() {
            if (value == null) return "";
            return format().format(value) + (unit.isEmpty() ? "" : " " + unit);
        }

        /** The caption under the figure: says "none yet" while the figure is unknown. */
        public String caption(String caption) {
            return value == null ? caption + ": none yet" : caption;
        }

        /** What a screen reader says for the tile. */
        public String accessibleText(String title) {
            return title + ": " + (value == null ? "not known" : text());
        }

        /**
         * The unit the tile shows, with no space before it (the tile sets it apart in a smaller font: any space lets
         * the tile's 150 px wrap "records" out of sight); a blank while unknown, as the skin only shows a unit it had
         * when first drawn.
         */
        public String shownUnit() {
            return unit.isEmpty() ? "" : value == null ? " " : unit;
        }

        public java.text.DecimalFormat format() {
            return new java.text.DecimalFormat("#,##0" + (decimals > 0 ? "." + "0".repeat(decimals) : ""));
        }
    }

    /** What the six tiles show. */
    public record Figures(TileFigure accuracy, TileFigure f1, TileFigure auc, TileFigure predictions, TileFigure latency,
                          TileFigure labelled) {
        static final Figures UNKNOWN = of(null, null);

        static Figures of(ModelVersionInfo v, PredictionService.PredictionStats s) {
            return new Figures(metric(v == null ? null : v.accuracy()), metric(v == null ? null : v.f1()),
                    metric(v == null ? null : v.auc()),
                    new TileFigure(s == null ? null : (double) s.count(), 0, ""),
                    ModelsViewModel.latency(s == null ? null : s.meanLatencyMicros()),
                    new TileFigure(v == null || v.labelledRows() == null ? null : v.labelledRows().doubleValue(), 0, "records"));
        }

        private static TileFigure metric(Double d) {
            return new TileFigure(d, 3, "");
        }
    }

    /** Mean latency in the unit that keeps it readable: µs below a millisecond, ms below a second, else s. */
    static TileFigure latency(Double micros) {
        if (micros == null) return new TileFigure(null, 0, "ms");
        if (micros < 1_000) return new TileFigure(micros, 0, "µs");
        if (micros < 1_000_000) return new TileFigure(micros / 1_000, 1, "ms");
        return new TileFigure(micros / 1_000_000, 1, "s");
    }

    private final ObjectProperty<Figures> figures = new SimpleObjectProperty<>(Figures.UNKNOWN);

    private record Versions(List<ModelVersionInfo> versions, ModelVersionInfo active) {
    }

    private record Details(Evaluation evaluation, PredictionService.PredictionStats stats, java.util.Map<Integer, String> states) {
    }

    /**
     * The versions and the active one first (two small queries), so the tiles show its figures at once;
     * then its evaluation and the prediction history, which take longer on a large store.
     */
    public void reload() {
        background.load(p -> new Versions(models.list(), models.active().orElse(null)), v -> {
            versions.setAll(v.versions());
            active.set(v.active());
            figures.set(Figures.of(v.active(), stats.get()));
            background.load(p -> new Details(v.active() == null ? null : evaluation(models.metrics(v.active().version())),
                    predictions.stats(), models.artifactStates()), d -> {
                evaluation.set(d.evaluation());
                artifactStates.set(d.states());
                stats.set(d.stats());
                figures.set(Figures.of(active.get(), d.stats()));
            }, this::fail);
        }, this::fail);
    }

    /**
     * Whether this site can use a version's artifact: "usable", or why it is refused (the engine's reason,
     * e.g. "refused: bad signature"); empty until checked.
     */
    public String artifactState(ModelVersionInfo v) {
        String state = artifactStates.get().get(v.version());
        return state == null ? "" : state.equals("ok") ? "usable" : state;
    }

    /** A metric in the versions table: three decimals, blank when the version has none. */
    public static String metric(Double d) {
        return d == null ? "" : String.format(Locale.ROOT, "%.3f", d);
    }

    /** A count of labelled rows, grouped in the user's locale. */
    public static String rows(Long n) {
        return n == null ? "" : String.format("%,d", n);
    }

    private static final DateTimeFormatter TRAINED_AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** "yyyy-MM-dd HH:mm by user", which sorts by time as text. */
    public static String trained(ModelVersionInfo v) {
        return (v.trainedAt() == null ? "" : v.trainedAt().format(TRAINED_AT)) + (v.trainedBy() == null ? "" : " by " + v.trainedBy());
    }

    /** Versions are whole numbers: a tick is labelled on them only, not on the bounds at the axis' ends. */
    public static String versionTick(double tick) {
        return tick == Math.rint(tick) ? String.valueOf((int) tick) : "";
    }

    /** Whether the signed-in user may retrain, activate and roll back (the engine checks again). */
    public boolean mayChangeModels() {
        return actor.get().isAdministrator();
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
        dialogs.error("Models", FailureSentences.describe(failure));
    }

    public ObservableList<ModelVersionInfo> versions() { return versions; }
    public ObjectProperty<ModelVersionInfo> activeProperty() { return active; }
    /** Which version answers predictions, or that the baseline does. */
    public ObservableValue<String> activeTextProperty() { return activeText; }
    public ObjectProperty<Evaluation> evaluationProperty() { return evaluation; }
    /** The evaluation's charts; null while there is no evaluation to show. */
    public ObservableValue<ModelCharts.EvaluationCharts> evaluationChartsProperty() { return evaluationCharts; }
    public ObservableValue<ModelCharts.Versions> versionsChartProperty() { return versionsChart; }
    public ObjectProperty<PredictionService.PredictionStats> statsProperty() { return stats; }
    public ObjectProperty<ModelVersionInfo> selectedProperty() { return selected; }
    public ObjectProperty<Figures> figuresProperty() { return figures; }
    public ObjectProperty<java.util.Map<Integer, String>> artifactStatesProperty() { return artifactStates; }
}
