package com.outcomedesk;

import com.outcomedesk.cli.OutcomeDeskCli;
import com.outcomedesk.cli.StoreOptions;
import com.outcomedesk.store.H2Tuning;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Entry point of the jar. It does not extend Application, so the JavaFX runtime on the class path
 * of the uber jar is found; without a command (at most {@code --home}, {@code --db} and a {@code .odbackup} file to
 * offer restoring) it opens the desktop app, with a command it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        H2Tuning.apply();
        Optional<StoreLocation> desktop = StoreOptions.desktop(args);
        if (desktop.isPresent()) {
            DesktopApp.open(desktop.get(), StoreOptions.backupToRestore(args).orElse(null));
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(OutcomeDeskCli.run(args, out, err));
    }
}
