package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
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

@Command(name = "keys", description = "Share the model-signing key between the sites of a network (administrators).",
        subcommands = {KeysCommand.ExportSigning.class, KeysCommand.ImportSigning.class})
final class KeysCommand {
    @ParentCommand OutcomeDeskCli root;

    @Command(name = "export-signing", description = "Write this store's model-signing key to a new owner-only file.")
    static final class ExportSigning implements Callable<Integer> {
        @ParentCommand KeysCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "The key file to create.")
        Path out;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                engine.models().exportSigningKey(out, parent.root.actor());
                json.print(spec.commandLine().getOut(), Map.of("exported", out.toString()), "Wrote the model-signing key to " + out
                        + ". Carry it to the other sites as you would a password, run '" + OutcomeDeskCli.LAUNCHER
                        + " keys import-signing " + out + "' there, then delete it.");
                return 0;
            }
        }
    }

    @Command(name = "import-signing", description = "Adopt the network's model-signing key from a file written by export-signing.")
    static final class ImportSigning implements Callable<Integer> {
        @ParentCommand KeysCommand parent;
        @Spec CommandSpec spec;
        @Mixin JsonOption json;
        @Parameters(paramLabel = "FILE") Path file;

        @Override
        public Integer call() {
            try (Engine engine = parent.root.openEngine()) {
                int resigned = engine.models().importSigningKey(file, parent.root.actor());
                json.print(spec.commandLine().getOut(), Map.of("imported", file.toString(), "resigned", resigned),
                        "This site now signs and verifies models with the network's key; " + resigned
                                + " of its model versions were re-signed with it.");
                return 0;
            }
        }
    }
}
