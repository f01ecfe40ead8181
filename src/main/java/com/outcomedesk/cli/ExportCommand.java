package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.transfer.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "export", description = "Export all appointments; CSV when FILE ends in .csv, else the reference JSON format.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Parameters(paramLabel = "FILE", description = "The file to write.")
    Path file;

    @Option(names = "--deidentified", description = "Drop patient references, shift dates, mask names, phone numbers, "
            + "e-mail addresses and identifiers in the text. Without it (identifiable) only administrators may export.")
    boolean deidentified;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            FileFormat format = FileFormat.forOutput(file);
            ExportMode mode = deidentified ? ExportMode.DEIDENTIFIED : ExportMode.IDENTIFIABLE;
            long n = engine.exporter().export(file, format, mode, root.actor(), ProgressListener.NONE);
            json.print(spec.commandLine().getOut(),
                    Map.of("exported", n, "file", file.toAbsolutePath().toString(), "format", format.name().toLowerCase(),
                            "mode", mode.name().toLowerCase()),
                    "Exported " + n + (deidentified ? " de-identified" : "") + " appointments to " + file.toAbsolutePath());
            return 0;
        }
    }
}
