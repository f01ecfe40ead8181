package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.sync.QuarantineEntry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

@Command(name = "quarantine", description = "List the records sync holds back (text breaking the rules, or refused by "
        + "the server), with the field and reason.", subcommands = SyncQuarantineCommand.Repair.class)
final class SyncQuarantineCommand implements Callable<Integer> {
    @ParentCommand SyncCommand parent;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    /** The sentence a sync or status line ends with when records are held back; empty when none are. */
    static String notice(long quarantined) {
        return quarantined == 0 ? "" : String.format(" %d record%s held back: see 'sync quarantine'.", quarantined,
                quarantined == 1 ? "" : "s");
    }

    @Override
    public Integer call() {
        try (Engine engine = parent.root.openEngine()) {
            List<QuarantineEntry> list = engine.sync().quarantine();
            String human = list.isEmpty() ? "Nothing is held back." : list.stream()
                    .map(e -> String.format("%s %s  %s %s (%s, %s)", e.entity(), e.entityId(),
                            e.field() == null ? "the record" : e.field(), e.reason(), e.direction(), e.detectedAt()))
                    .collect(Collectors.joining("\n", "", "\nRepair with 'sync quarantine repair ID' or '--all', "
                            + "or edit the record."));
            json.print(spec.commandLine().getOut(), Map.of("quarantine", list), human);
            return 0;
        }
    }

    @Command(name = "repair", description = "Repair held-back records' text (administrators): each lone surrogate half "
            + "becomes U+FFFD and control characters are removed, as an audited edit that the next sync pushes.")
    static final class Repair implements Callable<Integer> {
        @ParentCommand SyncQuarantineCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;

        static final class Which {
            @Parameters(paramLabel = "ID", description = "A record id from 'sync quarantine'.") String id;
            @Option(names = "--all", description = "Every held-back record.") boolean all;
        }

        @ArgGroup(multiplicity = "1") Which which;

        @Override
        public Integer call() {
            var root = parent.parent.root;
            try (Engine engine = root.openEngine()) {
                Map<String, Object> result = new LinkedHashMap<>();
                String human;
                if (which.all) {
                    int repaired = engine.sync().repairAll(root.actor());
                    long left = engine.sync().quarantine().size();
                    result.put("repaired", repaired);
                    result.put("left", left);
                    human = "Repaired " + repaired + " record" + (repaired == 1 ? "" : "s") + "; the next sync sends them."
                            + (left == 0 ? "" : " " + left + " left: the server refused their text, so the next sync "
                            + "tries again, or edit them.");
                } else {
                    boolean repaired = engine.sync().repair(which.id, root.actor());
                    result.put("id", which.id.strip());
                    result.put("repaired", repaired);
                    human = repaired ? "Repaired " + which.id.strip() + "; the next sync sends it."
                            : "Its text keeps the rules, so there is nothing to repair: the server refused it. The next "
                            + "sync tries again; edit the record if the server keeps refusing it.";
                }
                json.print(spec.commandLine().getOut(), result, human);
                return 0;
            }
        }
    }
}
