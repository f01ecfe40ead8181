package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "activate", description = "Make a model version the one that answers predictions (administrators).")
final class ActivateCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;
    @Parameters(paramLabel = "VERSION", description = "The version number, as listed by 'models'.")
    int version;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            ModelVersionInfo v = engine.models().activate(version, root.actor());
            json.print(spec.commandLine().getOut(), v, "Version " + v.version() + " (" + v.algorithm() + ") is now active.");
            return 0;
        }
    }
}
