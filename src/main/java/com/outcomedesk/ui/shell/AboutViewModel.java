package com.outcomedesk.ui.shell;

import com.outcomedesk.common.AppVersion;
import java.util.Optional;

/**
 * What Help &gt; About says: the version this build is, the store it works on and, when a sync server is set, the
 * server it syncs with (by name, never its password), so a person reporting a problem can read all three off.
 */
public final class AboutViewModel {
    public static final String TITLE = "About OutcomeDesk";
    private final String header;
    private final String text;

    /**
     * @param store the store's display name
     * @param onServer whether the store is itself the shared server (which nothing syncs from)
     * @param syncServer the display name of the sync server, empty when none is set
     */
    public AboutViewModel(String version, String store, boolean onServer, Optional<String> syncServer, String javaVersion,
                          String fxVersion) {
        this.header = "OutcomeDesk " + version;
        String sync = onServer ? "" : "\nSyncs with: " + syncServer.orElse("no server (Sync > Sync settings... connects one)");
        this.text = "Learns from your clinic's own appointment notes.\n\nVersion: " + version + "\nStore: " + store + sync
                + "\nJava " + javaVersion + ", JavaFX " + fxVersion;
    }

    /** This build's version and the running Java and JavaFX. */
    public static AboutViewModel of(String store, boolean onServer, Optional<String> syncServer) {
        return new AboutViewModel(AppVersion.current(), store, onServer, syncServer, System.getProperty("java.version"),
                System.getProperty("javafx.runtime.version"));
    }

    public String header() {
        return header;
    }

    public String text() {
        return text;
    }
}
