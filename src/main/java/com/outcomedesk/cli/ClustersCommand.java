package com.outcomedesk.cli;

import com.outcomedesk.documents.InsightDocuments;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.DiseaseGroup;
import com.outcomedesk.insight.OutcomeShare;
import com.outcomedesk.insight.SharedFeature;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "clusters", description = "Group alike diseases by what goes with them in the summaries, and say why.")
final class ClustersCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            DiseaseAtlas atlas = engine.diseases().atlas(root.actor());
            if (atlas.profiles().isEmpty()) {
                throw new IllegalStateException("No disease is mentioned at least " + atlas.minMentions()
                        + " times in " + atlas.scanned() + " summaries: import appointments first (" + OutcomeDeskCli.LAUNCHER + " import FILE).");
            }
            json.print(spec.commandLine().getOut(), InsightDocuments.clusters(atlas), text(atlas));
            return 0;
        }
    }

    private static String text(DiseaseAtlas atlas) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "%d diseases in %d summaries; %d groups by %s clustering (mean silhouette %.3f)%n", atlas.profiles().size(),
                atlas.scanned(), atlas.groups().size(), atlas.chosen().method(), atlas.chosen().silhouette()));
        for (DiseaseGroup g : atlas.groups()) {
            s.append(String.format(Locale.ROOT, "%nGroup %d (%d, silhouette %.3f): %s%n", g.id(), g.size(), g.silhouette(),
                    String.join(", ", g.members())));
            if (g.sharedFeatures().isEmpty()) s.append(String.format("  no clinical feature is clearly more common than overall%n"));
            for (SharedFeature f : g.sharedFeatures()) {
                s.append(String.format(Locale.ROOT, "  %-10s %-28s %5.1f%% vs %5.1f%% overall%n", f.type(), f.name(),
                        100 * f.groupShare(), 100 * f.overallShare()));
            }
            s.append("  outcomes (not a reason):");
            for (OutcomeShare o : g.outcomes()) {
                s.append(String.format(Locale.ROOT, " %s %.0f%% (%.0f%%)", o.category(), 100 * o.groupShare(), 100 * o.overallShare()));
            }
            s.append(String.format("%n"));
        }
        return s.toString().stripTrailing();
    }
}
