package com.outcomedesk;

import com.outcomedesk.cli.OutcomeDeskCli;
import com.outcomedesk.ui.DesktopApp;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Entry point of the jar. It does not extend Application, so the JavaFX runtime on the class path
 * of the uber jar is found; without arguments it opens the desktop app, with a command it runs headless.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (onlyGlobalOptions(args)) {
            DesktopApp.main(args);
            return;
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(OutcomeDeskCli.run(args, out, err));
    }

    /** True when no command is named, e.g. {@code --home DIR} alone: that opens the desktop app. */
    static boolean onlyGlobalOptions(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--home") || a.equals("--db")) i++;
            else if (!a.startsWith("--home=") && !a.startsWith("--db=")) return false;
        }
        return true;
    }
}
