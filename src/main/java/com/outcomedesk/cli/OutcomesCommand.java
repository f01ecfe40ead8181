package com.outcomedesk.cli;

import com.outcomedesk.appointments.OutcomeMappingService;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.outcome.OutcomeCategory;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "outcomes", description = "Review the outcome mapping: mapped sentences, and phrasings a rule guessed or nobody mapped.",
        subcommands = OutcomesCommand.Map_.class)
final class OutcomesCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Option(names = "--pending", description = "List only phrasings to review (keyword-classified or unmapped).")
    boolean pendingOnly;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            List<OutcomeMappingService.PendingPhrasing> pending = engine.outcomes().pending(200);
            List<Map<String, Object>> mapped = pendingOnly ? List.of() : engine.outcomes().mappings().stream()
                    .map(m -> Map.<String, Object>of("outcomeText", m.outcomeText(), "category", m.category().code(),
                            "source", m.source())).toList();
            String human = (pendingOnly ? "" : engine.outcomes().mappings().stream()
                    .map(m -> String.format("%-10s %s", m.category().code(), m.outcomeText()))
                    .collect(Collectors.joining("\n", "Mapped sentences:\n", "\n\n")))
                    + pending.stream().map(p -> String.format("%6d  %-9s %-10s %s", p.count(), p.source().code(),
                                    p.guessedCategory() == null ? "-" : p.guessedCategory().code(), p.outcomeText()))
                    .collect(Collectors.joining("\n", "To review (count, how, category, text):\n", ""));
            json.print(spec.commandLine().getOut(), Map.of("mapped", mapped, "pending", pending), human);
            return 0;
        }
    }

    @Command(name = "map", description = "Map an outcome sentence to a category and re-classify matching appointments.")
    static final class Map_ implements Callable<Integer> {
        @ParentCommand OutcomesCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        @Parameters(index = "0", paramLabel = "TEXT", description = "The outcome sentence.")
        String text;
        @Parameters(index = "1", paramLabel = "CATEGORY", description = "excellent, good, neutral, poor or critical.")
        String category;

        @Override
        public Integer call() {
            OutcomeCategory c = OutcomeCategory.fromCode(category);
            try (Engine engine = parent.root.openEngine()) {
                int n = engine.outcomes().map(text, c, parent.root.actor());
                json.print(spec.commandLine().getOut(), Map.of("mapped", text, "category", c.code(), "reclassified", n),
                        "Mapped '" + text + "' to " + c.code() + "; " + n + " appointments re-classified.");
                return 0;
            }
        }
    }
}
