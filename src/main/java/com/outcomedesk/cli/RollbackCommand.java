package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.ModelVersionInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "rollback", description = "Return to the model version that was active before the current one (administrators).")
final class RollbackCommand implements Callable<Integer> {
    @ParentCommand OutcomeDeskCli root;
    @Spec CommandSpec spec;
    @Mixin JsonOption json;

    @Override
    public Integer call() {
        try (Engine engine = root.openEngine()) {
            ModelVersionInfo v = engine.models().rollback(root.actor());
            json.print(spec.commandLine().getOut(), v, "Rolled back: version " + v.version() + " (" + v.algorithm() + ") is now active.");
            return 0;
        }
    }
}
