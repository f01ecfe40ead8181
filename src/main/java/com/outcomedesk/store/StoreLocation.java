package com.outcomedesk.store;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the data lives: a home directory for files and a JDBC URL for the database.
 * The default database is an H2 file under the home directory.
 */
public record StoreLocation(Path home, String jdbcUrl, String user, String password) {

    public static final String HOME_ENV = "OUTCOMEDESK_HOME";

    /** See {@link DefaultHome}: $OUTCOMEDESK_HOME, an existing ~/.outcome-desk, else the platform's place. */
    public static Path defaultHome() {
        return DefaultHome.resolve(System.getenv(), System.getProperty("os.name"), Path.of(System.getProperty("user.home")));
    }

    public static StoreLocation of(Path home, String jdbcUrl) {
        Path dir = home == null ? defaultHome() : home;
        String url = jdbcUrl == null || jdbcUrl.isBlank() ? embeddedUrl(dir) : jdbcUrl;
        return new StoreLocation(dir.toAbsolutePath(), url, null, null);
    }

    public static String embeddedUrl(Path home) {
        return "jdbc:h2:file:" + home.toAbsolutePath().resolve("outcome-desk") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** The H2 database file path of a file store (without the .mv.db suffix), or empty for other stores. */
    public Optional<Path> databaseFile() {
        if (vendor() != Vendor.H2) return Optional.empty();
        String rest = jdbcUrl.substring("jdbc:h2:".length());
        if (rest.startsWith("mem:") || rest.startsWith("tcp:") || rest.startsWith("ssl:")) return Optional.empty();
        if (rest.startsWith("file:")) rest = rest.substring("file:".length());
        int semicolon = rest.indexOf(';');
        return Optional.of(Path.of(semicolon >= 0 ? rest.substring(0, semicolon) : rest).toAbsolutePath());
    }

    public StoreLocation withCredentials(String user, String password) {
        return new StoreLocation(home, jdbcUrl, user, password);
    }

    public Vendor vendor() {
        return Vendor.of(jdbcUrl);
    }

    /**
     * A name a person reads, never a URL and never a password: "~/.outcome-desk" for the embedded store,
     * "PostgreSQL server db.host / database outcomedesk" for a server. Shown in the status bar, messages and logs.
     */
    public String displayName() {
        if (jdbcUrl.startsWith("jdbc:h2:")) return embeddedName(jdbcUrl.substring("jdbc:h2:".length()));
        if (jdbcUrl.startsWith("jdbc:postgresql:")) return serverName(jdbcUrl.substring("jdbc:postgresql:".length()));
        return "database " + cut(jdbcUrl.replaceFirst("//[^/@]*@", "//"), ";?");
    }

    /** The display name as a phrase: "the store in ~/.outcome-desk", "the PostgreSQL server ...". */
    public String description() {
        String name = displayName();
        return name.startsWith("/") || name.startsWith("~") || name.matches("[A-Za-z]:\\\\.*")
                ? "the store in " + name : "the " + name;
    }

    private static String embeddedName(String rest) {
        if (rest.startsWith("mem:")) return "in-memory store " + cut(rest.substring(4), ";");
        if (rest.startsWith("tcp:") || rest.startsWith("ssl:")) return "H2 server " + cut(rest.substring(4).replaceFirst("^//", ""), ";");
        Path file = Path.of(cut(rest.startsWith("file:") ? rest.substring(5) : rest, ";")).toAbsolutePath();
        Path shown = file.getFileName() != null && file.getFileName().toString().equals("outcome-desk")
                && file.getParent() != null ? file.getParent() : file;
        return abbreviateHome(shown);
    }

    private static String serverName(String rest) {
        String plain = cut(rest, "?").replaceFirst("^//", "");
        int slash = plain.indexOf('/');
        String host = slash >= 0 ? plain.substring(0, slash) : plain;
        host = host.substring(host.lastIndexOf('@') + 1).replaceFirst(":5432$", "");
        String database = slash >= 0 ? plain.substring(slash + 1) : "";
        return "PostgreSQL server " + (host.isEmpty() ? "localhost" : host)
                + (database.isEmpty() ? "" : " / database " + database);
    }

    private static String abbreviateHome(Path path) {
        Path home = Path.of(System.getProperty("user.home", "/")).toAbsolutePath();
        if (path.startsWith(home) && !home.equals(home.getRoot())) {
            Path relative = home.relativize(path);
            return relative.toString().isEmpty() ? "~" : "~" + java.io.File.separator + relative;
        }
        return path.toString();
    }

    private static String cut(String text, String stops) {
        int end = text.length();
        for (char c : stops.toCharArray()) {
            int i = text.indexOf(c);
            if (i >= 0 && i < end) end = i;
        }
        return text.substring(0, end);
    }
}
