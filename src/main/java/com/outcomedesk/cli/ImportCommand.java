package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.transfer.ImportReport;
import com.outcomedesk.common.ProgressListener;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "import", description = "Import appointments from a JSON array (reference format) or a CSV file with a header.")
final class ImportCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "The file to import.")
    Path file;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            ImportReport report = engine.importer().importFile(file, root.actor(), ProgressListener.NONE);
            var out = spec.commandLine().getOut();
            if (!json.enabled) report.warnings().forEach(w -> spec.commandLine().getErr().println("warning: " + w));
            StringBuilder human = new StringBuilder()
                    .append("Imported ").append(report.imported()).append(", skipped ").append(report.skipped())
                    .append(" already present, outcomes added ").append(report.outcomesAdded())
                    .append(" (stored appointments whose unknown outcome the file filled in), conflicting ").append(report.conflictingTotal())
                    .append(", rejected ").append(report.rejectedTotal()).append('.');
            if (report.conflictingTotal() > 0) {
                human.append("\nConflicting (the store holds these ids with other content; the stored records were kept):");
                report.conflicting().forEach(c -> human.append("\n  record ").append(c.position()).append(": differs in ")
                        .append(String.join(", ", c.fields())));
                more(human, report.conflictingTotal(), report.conflicting().size());
            }
            if (report.rejectedTotal() > 0) human.append("\nRejected:");
            report.rejected().forEach(r -> human.append("\n  record ").append(r.position()).append(": ").append(r.reason()));
            more(human, report.rejectedTotal(), report.rejected().size());
            json.print(out, report, human.toString());
            return 0;
        }
    }

    private static void more(StringBuilder human, long total, int listed) {
        if (total > listed) human.append("\n  ... and ").append(total - listed).append(" more");
    }
}
