package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.transfer.ProgressListener;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            FileFormat format = FileFormat.forOutput(file);
            long n = engine.exporter().export(file, format, ProgressListener.NONE);
            json.print(spec.commandLine().getOut(),
                    Map.of("exported", n, "file", file.toAbsolutePath().toString(), "format", format.name().toLowerCase()),
                    "Exported " + n + " appointments to " + file.toAbsolutePath());
            return 0;
        }
    }
}
