package com.outcomedesk.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * The data directory when no {@code --home} names one: {@code $OUTCOMEDESK_HOME}; else {@code ~/.outcome-desk}
 * if it exists (every store made before installers keeps working); else the platform's place for a user's
 * application data: {@code %LOCALAPPDATA%\OutcomeDesk} on Windows (local, not roaming: a database must not be
 * copied at every sign-in), {@code ~/Library/Application Support/OutcomeDesk} on macOS, and
 * {@code $XDG_DATA_HOME/outcome-desk} (default {@code ~/.local/share/outcome-desk}) elsewhere.
 */
final class DefaultHome {
    static final String LEGACY = ".outcome-desk";

    private DefaultHome() {
    }

    static Path resolve(Map<String, String> env, String osName, Path userHome) {
        String explicit = env.get(StoreLocation.HOME_ENV);
        if (present(explicit)) return Path.of(explicit);
        Path legacy = userHome.resolve(LEGACY);
        if (Files.isDirectory(legacy)) return legacy;
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = env.get("LOCALAPPDATA");
            return (present(local) ? Path.of(local) : userHome.resolve("AppData").resolve("Local")).resolve("OutcomeDesk");
        }
        if (os.startsWith("mac")) return userHome.resolve("Library").resolve("Application Support").resolve("OutcomeDesk");
        String xdg = env.get("XDG_DATA_HOME");
        // the XDG spec: a relative XDG_DATA_HOME is invalid and is ignored
        Path data = present(xdg) && Path.of(xdg).isAbsolute() ? Path.of(xdg) : userHome.resolve(".local").resolve("share");
        return data.resolve("outcome-desk");
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
