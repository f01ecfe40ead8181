package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.transfer.ExportMode;
import com.outcomedesk.transfer.ExportReport;
import com.outcomedesk.transfer.FileFormat;
import com.outcomedesk.common.ProgressListener;
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
            ExportReport r = engine.exporter().export(file, format, mode, root.actor(), ProgressListener.NONE);
            json.print(spec.commandLine().getOut(),
                    Map.of("exported", r.records(), "file", file.toAbsolutePath().toString(), "format",
                            format.name().toLowerCase(), "mode", mode.name().toLowerCase(), "brokenUnicode", r.replaced()),
                    "Exported " + r.records() + (deidentified ? " de-identified" : "") + " appointments to "
                            + file.toAbsolutePath() + "." + replacedNotice(r));
            return 0;
        }
    }

    /** Names the records written with U+FFFD for a broken character, and how to fix them. */
    static String replacedNotice(ExportReport r) {
        if (r.replaced().isEmpty()) return "";
        return "\n" + r.replaced().size() + " stored record(s) held a broken character (not valid Unicode), written as "
                + "U+FFFD; the store is unchanged. Repair each with 'sync quarantine repair ID' or edit it: "
                + String.join(", ", r.replaced());
    }
}
