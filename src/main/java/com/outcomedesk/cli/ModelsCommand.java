package com.outcomedesk.cli;

import com.outcomedesk.documents.ModelDocuments;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import com.outcomedesk.retrain.RetrainDecision;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "models", description = "List the model versions, with their cross-validated metrics and whether their "
        + "artifact can be used here (ok, or refused and why), and the retraining policy's decisions; --json adds each "
        + "artifact's provenance and the decisions about each version.")
final class ModelsCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            List<ModelVersionInfo> versions = engine.models().list();
            Map<Integer, String> states = engine.models().artifactStates();
            List<RetrainDecision> decisions = engine.retraining().decisions();
            List<ObjectNode> listed = versions.stream()
                    .map(v -> ModelDocuments.version(v, states, engine.models().artifactProvenance(v.version()), decisions)).toList();
            json.print(spec.commandLine().getOut(), listed, human(versions, states)
                    + (decisions.isEmpty() ? "" : "\n\n" + RetrainCommand.decisions(decisions)));
            return 0;
        }
    }

    static String human(List<ModelVersionInfo> versions, Map<Integer, String> states) {
        if (versions.isEmpty()) return "No model versions yet: run '" + OutcomeDeskCli.LAUNCHER + " train'.";
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "%-8s %-12s %-9s %-6s %-9s %-5s %-9s %-52s %s%n",
                "version", "algorithm", "status", "AUC", "accuracy", "F1", "rows", "trained", "artifact"));
        for (ModelVersionInfo v : versions) {
            s.append(String.format(Locale.ROOT, "%-8d %-12s %-9s %-6s %-9s %-5s %-9d %-52s %s%n", v.version(), v.algorithm(),
                    v.status(), fmt(v.auc()), fmt(v.accuracy()), fmt(v.f1()), v.labelledRows(), v.trainedAt() + " by " + v.trainedBy(),
                    states.getOrDefault(v.version(), "-")));
        }
        return s.toString().stripTrailing();
    }

    private static String fmt(Double d) {
        return d == null ? "-" : String.format(Locale.ROOT, "%.3f", d);
    }
}
