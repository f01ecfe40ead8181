package com.outcomedesk.cli;

import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.engine.Engine;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "status", description = "Show the store in use and what it holds.")
final class StatusCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            AppointmentService.Counts counts = engine.appointments().counts();
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("store", engine.database().location().displayName());
            result.put("site", engine.stamper().siteId());
            result.put("appointments", counts.appointments());
            result.put("withOutcome", counts.withOutcome());
            result.put("unmappedOutcomes", counts.unmappedOutcomes());
            result.put("doctors", counts.doctors());
            var last = engine.backup().last();
            result.put("lastBackup", last.map(l -> Map.of("at", l.at().toString(), "file", l.file())).orElse(null));
            json.print(spec.commandLine().getOut(), result, String.format(
                    "Store %s (site %s)%n%d appointments, %d with a known outcome (%d unmapped), %d doctors%n%s",
                    result.get("store"), result.get("site"), counts.appointments(), counts.withOutcome(),
                    counts.unmappedOutcomes(), counts.doctors(), last.map(l -> "Last good backup: " + l.at() + " to "
                            + l.file()).orElse("No backup made yet: run '" + OutcomeDeskCli.LAUNCHER + " backup'.")));
            return 0;
        }
    }
}
