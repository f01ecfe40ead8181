package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line over the engine: {@code java -jar outcome-desk.jar <command>}. */
@Command(name = "outcome-desk", mixinStandardHelpOptions = true, version = "OutcomeDesk 0.1.0",
        description = "Learn from a clinic's appointment notes. Without a command, opens the desktop app.",
        subcommands = {
                ImportCommand.class, ExportCommand.class, DemoDataCommand.class, StatusCommand.class,
                OutcomesCommand.class, BenchImportCommand.class, TrainCommand.class, ModelsCommand.class,
                ActivateCommand.class, RollbackCommand.class, PredictCommand.class, MetricsCommand.class,
                DoctorsCommand.class, ClustersCommand.class, SimilarCommand.class,
                CommandLine.HelpCommand.class,
        })
public final class OutcomeDeskCli {

    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $OUTCOMEDESK_HOME or ~/.outcome-desk).")
    Path home;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database URL (default: an H2 file database under the data directory).")
    String db;

    StoreLocation location() {
        return StoreLocation.of(home, db);
    }

    Engine openEngine() {
        return Engine.open(location());
    }

    /** Runs a command and returns the process exit code: 0 on success, 1 on failure, 2 on bad usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new OutcomeDeskCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("outcome-desk: " + oneLine(ex));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("outcome-desk: " + oneLine(ex)
                    + " (see 'outcome-desk help " + ex.getCommandLine().getCommandName() + "')");
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) message = e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
