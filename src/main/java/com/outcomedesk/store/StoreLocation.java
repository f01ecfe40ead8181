package com.outcomedesk.store;

import java.nio.file.Path;

/**
 * Where the data lives: a home directory for files and a JDBC URL for the database.
 * The default database is an H2 file under the home directory.
 */
public record StoreLocation(Path home, String jdbcUrl, String user, String password) {

    public static final String HOME_ENV = "OUTCOMEDESK_HOME";

    public static Path defaultHome() {
        String env = System.getenv(HOME_ENV);
        if (env != null && !env.isBlank()) return Path.of(env);
        return Path.of(System.getProperty("user.home"), ".outcome-desk");
    }

    public static StoreLocation of(Path home, String jdbcUrl) {
        Path dir = home == null ? defaultHome() : home;
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? embeddedUrl(dir) : jdbcUrl;
        return new StoreLocation(dir.toAbsolutePath(), url, null, null);
    }

    public static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("outcome-desk") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    public StoreLocation withCredentials(String user, String password) {
        return new StoreLocation(home, jdbcUrl, user, password);
    }

    public Vendor vendor() {
        return Vendor.of(jdbcUrl);
    }

    /** The URL without credentials or options, safe to show in the status bar and logs. */
    public String displayName() {
        int semicolon = jdbcUrl.indexOf(';');
        int question = jdbcUrl.indexOf('?');
        int cut = semicolon >= 0 ? semicolon : question >= 0 ? question : jdbcUrl.length();
        return jdbcUrl.substring(0, cut);
    }
}
