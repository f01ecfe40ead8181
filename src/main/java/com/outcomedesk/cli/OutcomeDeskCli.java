package com.outcomedesk.cli;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.common.Actor;
import com.outcomedesk.store.StoreLocation;
import java.io.PrintWriter;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The command line over the engine: {@code java -jar outcome-desk.jar <command>}. */
@Command(name = "outcome-desk", mixinStandardHelpOptions = true, versionProvider = OutcomeDeskCli.AppVersion.class,
        description = "Learn from a clinic's appointment notes. Without a command, opens the desktop app.")
public final class OutcomeDeskCli {
    /**
     * The commands. Registered by {@link #run} rather than in the annotation, so that a run builds only the command it
     * was given: building all of them read every command's annotations and loaded their classes, the larger part of
     * a short command's start-up.
     */
    static final Class<?>[] COMMANDS = {
            ImportCommand.class, ExportCommand.class, DemoDataCommand.class, StatusCommand.class,
            OutcomesCommand.class, BenchImportCommand.class, TrainCommand.class, ModelsCommand.class,
            ActivateCommand.class, RollbackCommand.class, PredictCommand.class, MetricsCommand.class,
            DoctorsCommand.class, ClustersCommand.class, SimilarCommand.class,
            InitCommand.class, UsersCommand.class, AuditCommand.class, SyncCommand.class, SitesCommand.class, BenchSyncCommand.class,
            BenchCommand.class, BenchInsightCommand.class, BenchServeCommand.class, KeysCommand.class, ServeCommand.class,
            SettingsCommand.class, BackupCommand.class, RestoreCommand.class, BenchBackupCommand.class, MonitorCommand.class,
            RetrainCommand.class, BenchMonitorCommand.class, CommandLine.HelpCommand.class
    };
    /** Root options that take a value in the next argument. */
    private static final java.util.Set<String> VALUED = java.util.Set.of("--home", "--db", "--user");

    /** How a user starts the command line; hints name it, as there is no installed launcher. */
    public static final String LAUNCHER = "java -jar target/outcome-desk.jar";

    @CommandLine.Mixin
    StoreOptions store;

    @Option(names = "--user", scope = ScopeType.INHERIT, paramLabel = "NAME",
            description = "Act as this user; the password comes from $OUTCOMEDESK_PASSWORD, else a prompt.")
    String user;

    /** The process environment; tests pass their own so that no real variable is needed. */
    Map<String, String> environment = System.getenv();
    private Actor actor;

    StoreLocation location() {
        return store.location();
    }

    /** Opens the store as --user (signed in), or as the local user where the store has no accounts. */
    Engine openEngine() {
        SignIn.Session session = user == null ? SignIn.withoutAccounts(location())
                : SignIn.signIn(location(), user, Passwords.current(environment, user));
        actor = session.actor();
        return session.engine();
    }

    /** The user the last {@link #openEngine()} signed in. */
    Actor actor() {
        if (actor == null) throw new IllegalStateException("openEngine() signs the user in first");
        return actor;
    }

    /** Runs a command and returns the process exit code: 0 on success, 1 on failure, 2 on bad usage. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter)} with the given environment variables. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, Map<String, String> environment) {
        OutcomeDeskCli root = new OutcomeDeskCli();
        root.environment = environment;
        CommandLine cli = new CommandLine(root);
        String given = commandName(args);
        for (Class<?> command : COMMANDS) {
            if (given == null || given.equals(command.getAnnotation(Command.class).name())) cli.addSubcommand(command);
        }
        if (cli.getSubcommands().isEmpty()) for (Class<?> command : COMMANDS) cli.addSubcommand(command);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("outcome-desk: " + oneLine(ex) + hint(ex));
            return 1;
        });
        cli.setParameterExceptionHandler((ex, args1) -> {
            ex.getCommandLine().getErr().println("outcome-desk: " + oneLine(ex)
                    + " (see '" + LAUNCHER + " help " + ex.getCommandLine().getCommandName() + "')");
            return 2;
        });
        int code = cli.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /**
     * The command the arguments name: the first that is neither an option nor an option's value (the root takes no
     * parameters). Null for none and for {@code help}, which needs every command to describe.
     */
    static String commandName(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (VALUED.contains(args[i])) i++;
            else if (!args[i].startsWith("-")) return args[i].equals("help") ? null : args[i];
        }
        return null;
    }

    /** {@code --version}: the build's version. */
    static final class AppVersion implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"OutcomeDesk " + com.outcomedesk.common.AppVersion.current()};
        }
    }

    /** What to do next, in command-line terms, for engine failures that leave that to the caller. */
    static String hint(Throwable e) {
        if (e instanceof com.outcomedesk.learn.NoModelException) {
            return " Import appointments with outcomes, then run '" + LAUNCHER + " train --activate'.";
        }
        if (e instanceof com.outcomedesk.sync.NoServerException) {
            return " An administrator enrols this site with an OutcomeDesk Server: '" + LAUNCHER + " sync enroll --server "
                    + "https://HOST:PORT --code CODE' (recommended), or, on a trusted network only, '" + LAUNCHER
                    + " sync configure --server jdbc:postgresql://HOST:5432/DB --server-user USER'.";
        }
        if (e instanceof com.outcomedesk.security.NoAccountsException) {
            return " Run '" + LAUNCHER + " init --admin NAME'.";
        }
        return "";
    }

    static String oneLine(Throwable e) {
        String refusal = EngineErrors.phrase(e);
        if (refusal != null) return refusal;
        // Hibernate's text quotes the SQL; the driver's first line says what went wrong without it.
        String message = e instanceof org.hibernate.JDBCException j && j.getSQLException() != null
                ? "Database error: " + String.valueOf(j.getSQLException().getMessage()).lines().findFirst().orElse("")
                        .replaceFirst(";\\s*SQL statement:.*$", "")
                : e.getMessage();
        if (message == null || message.isBlank()) message = e.getClass().getSimpleName();
        return message.replaceAll("\\s*\\R\\s*", " ").strip();
    }
}
