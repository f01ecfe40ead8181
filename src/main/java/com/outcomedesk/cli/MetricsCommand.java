package com.outcomedesk.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.outcomedesk.documents.MetricsDocuments;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.learn.PredictionService;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "metrics", description = "The active model's cross-validated metrics, the history across versions, "
        + "and prediction counts and latency.")
final class MetricsCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Option(names = "--version", paramLabel = "N", description = "Show this version instead of the active one.")
    Integer version;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            Optional<ModelVersionInfo> shown = version == null ? engine.models().active() : engine.models().find(version);
            if (version != null && shown.isEmpty()) throw new IllegalArgumentException("There is no model version " + version + ": see 'models'.");
            List<ModelVersionInfo> history = engine.models().list();
            PredictionService.PredictionStats stats = engine.predictions().stats();
            Map<String, Object> doc = MetricsDocuments.metrics(engine.models(), shown, stats);
            JsonNode metrics = (JsonNode) doc.get("metrics");
            json.print(spec.commandLine().getOut(), doc, human(shown, metrics, history, engine.models().artifactStates(), stats));
            return 0;
        }
    }

    private static String human(Optional<ModelVersionInfo> shown, JsonNode metrics, List<ModelVersionInfo> history,
                                Map<Integer, String> states, PredictionService.PredictionStats stats) {
        StringBuilder s = new StringBuilder();
        if (shown.isEmpty()) {
            s.append("No model version is active: run '" + OutcomeDeskCli.LAUNCHER + " train --activate'.").append(System.lineSeparator());
        } else {
            ModelVersionInfo v = shown.get();
            s.append(String.format(Locale.ROOT, "Version %d (%s, %s): AUC %.3f, accuracy %.3f, F1 %.3f (means over folds)%n",
                    v.version(), v.algorithm(), v.status(), v.auc(), v.accuracy(), v.f1()));
            for (JsonNode note : metrics.path("evaluation").path("notes")) s.append("* ").append(note.asText()).append(System.lineSeparator());
        }
        s.append(System.lineSeparator()).append(ModelsCommand.human(history, states)).append(System.lineSeparator());
        s.append(String.format(Locale.ROOT, "%nPredictions saved: %d%s", stats.count(), stats.count() == 0 ? ""
                : String.format(Locale.ROOT, ", mean latency %.0f us, max %d us", stats.meanLatencyMicros(), stats.maxLatencyMicros())));
        return s.toString();
    }
}
