package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.insight.DiseaseAtlas;
import com.outcomedesk.insight.SimilarDisease;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "similar", description = "List the diseases most alike to one disease, with similarity scores.")
final class SimilarCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--disease", required = true, paramLabel = "NAME", description = "Disease name; dictionary spellings work (HTN, migraines).")
    String disease;
    @Option(names = "--top", defaultValue = "5", paramLabel = "K", description = "How many (default ${DEFAULT-VALUE}).")
    int top;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            DiseaseAtlas atlas = engine.diseases().atlas(root.actor());
            String name = atlas.profile(disease).name();
            List<SimilarDisease> similar = atlas.similarTo(disease, top);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("disease", name);
            result.put("similar", similar);
            StringBuilder text = new StringBuilder("Diseases most alike to " + name + ":");
            for (SimilarDisease s : similar) {
                text.append(String.format(Locale.ROOT, "%n  %-28s %6.3f  (group %d, %d mentions)", s.disease(), s.similarity(),
                        s.group(), s.appointments()));
            }
            json.print(spec.commandLine().getOut(), result, text.toString());
            return 0;
        }
    }
}
