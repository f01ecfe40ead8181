package com.outcomedesk.cli;

import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global options that say which store to open: every command takes them, and so does the desktop app. */
public final class StoreOptions {
    @Option(names = "--home", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Data directory (default: $OUTCOMEDESK_HOME, else ~/.outcome-desk if it exists, else"
                    + " ~/.local/share/outcome-desk, %%LOCALAPPDATA%%\\OutcomeDesk or ~/Library/Application Support/OutcomeDesk).")
    Path home;

    @Option(names = "--db", scope = ScopeType.INHERIT, paramLabel = "JDBC_URL",
            description = "Database URL (default: an H2 file database under the data directory).")
    String db;

    StoreLocation location() {
        return StoreLocation.of(home, db);
    }

    /**
     * The store the desktop app opens when the arguments name no command, only these options (in either
     * {@code --home DIR} or {@code --home=DIR} form, the last one given winning); empty when they are for the
     * command line.
     */
    public static Optional<StoreLocation> desktop(String[] args) {
        DesktopArgs parsed = new DesktopArgs();
        try {
            new CommandLine(parsed).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        return Optional.of(parsed.store.location());
    }

    @Command(name = "outcome-desk")
    private static final class DesktopArgs {
        @CommandLine.Mixin
        StoreOptions store;
    }
}
