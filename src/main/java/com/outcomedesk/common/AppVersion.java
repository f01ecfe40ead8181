package com.outcomedesk.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The application's version, from the build (a resource Maven fills in: src/main/resources-filtered), so it is written
 * down once, in the pom. The command line's --version, the About box and every model's provenance show it.
 */
public final class AppVersion {
    private static final String RESOURCE = "/com/outcomedesk/version.properties";

    private AppVersion() {
    }

    public static String current() {
        try (InputStream in = AppVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("Missing " + RESOURCE + " (build with Maven)");
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
