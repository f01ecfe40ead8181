package com.outcomedesk.cli;

import com.outcomedesk.store.StoreLocation;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The global options that say which store to open: every command takes them, and so does the desktop app. */
public final class StoreOptions {
    private static final String BACKUP_EXTENSION = com.outcomedesk.backup.StoreBackup.EXTENSION;
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
     * {@code --home DIR} or {@code --home=DIR} form, the last one given winning) and at most a backup file; empty when
     * they are for the command line.
     */
    public static Optional<StoreLocation> desktop(String[] args) {
        return parse(args).map(a -> a.store.location());
    }

    /**
     * The backup the desktop app was opened with, to offer restoring it: what a double click on a {@code .odbackup}
     * file passes (the installers associate the extension), or {@code outcome-desk FILE.odbackup}.
     */
    public static Optional<Path> backupToRestore(String[] args) {
        return parse(args).map(a -> a.backup);
    }

    private static Optional<DesktopArgs> parse(String[] args) {
        // A first word that is not a backup file names a command: picocli would refuse it too, after building a parser.
        String word = firstWord(args);
        if (word != null && !word.toLowerCase(Locale.ROOT).endsWith(BACKUP_EXTENSION)) return Optional.empty();
        DesktopArgs parsed = new DesktopArgs();
        try {
            new CommandLine(parsed).setOverwrittenOptionsAllowed(true).parseArgs(args);
        } catch (CommandLine.ParameterException e) {
            return Optional.empty();
        }
        // Any other word is a command (or a mistake the command line explains), not a file to open.
        if (parsed.backup != null && !parsed.backup.getFileName().toString().toLowerCase(Locale.ROOT)
                .endsWith(BACKUP_EXTENSION)) {
            return Optional.empty();
        }
        return Optional.of(parsed);
    }

    /** The first argument that is neither an option nor the value of --home or --db, or null. */
    private static String firstWord(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--home") || args[i].equals("--db")) i++;
            else if (!args[i].startsWith("-")) return args[i];
        }
        return null;
    }

    @Command(name = "outcome-desk")
    private static final class DesktopArgs {
        @CommandLine.Mixin
        StoreOptions store;
        @CommandLine.Parameters(arity = "0..1")
        Path backup;
    }
}
