package com.outcomedesk.sync;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shared server as a clinic administrator describes it: host, port, database, user name, password and
 * whether to use TLS (with the certificate and host name checked: sslmode=verify-full). The engine builds
 * the JDBC URL from it; nobody has to type one.
 */
public record ServerAddress(String host, int port, String database, String user, String password, boolean tls) {
    public static final int DEFAULT_PORT = 5432;
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*"
            + "|\\[[0-9A-Fa-f:.]+\\]|[0-9A-Fa-f:]+:[0-9A-Fa-f:.]*");
    private static final Pattern DATABASE = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_$.-]{0,62}");
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^/:?\\[]+|\\[[^\\]]+\\])(?::(\\d+))?/([^?]*)(?:\\?(.*))?");

    /** What is wrong with the address, one sentence per field, empty when it can be used. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (host == null || host.isBlank()) problems.add("Enter the server's host name or address, e.g. db.clinic.local.");
        else if (!HOST.matcher(host.strip()).matches()) {
            problems.add("The host \"" + host.strip() + "\" is not a host name or address; use letters, digits, dots "
                    + "and hyphens, e.g. db.clinic.local or 10.0.0.5.");
        }
        if (port < 1 || port > 65535) problems.add("The port is a number from 1 to 65535; PostgreSQL usually uses 5432.");
        if (database == null || database.isBlank()) problems.add("Enter the database name on the server, e.g. outcomedesk.");
        else if (!DATABASE.matcher(database.strip()).matches()) {
            problems.add("The database name \"" + database.strip() + "\" may use letters, digits, '_', '-', '.' and '$' "
                    + "(at most 63).");
        }
        if (user == null || user.isBlank()) problems.add("Enter the user name OutcomeDesk logs in to the server with.");
        return problems;
    }

    /** Refuses an address with problems, naming all of them. */
    public ServerAddress checked() {
        List<String> problems = problems();
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join(" ", problems));
        return this;
    }

    /** The JDBC URL the engine connects with (the password is passed apart, never in the URL). */
    public String url() {
        String h = host.strip();
        String url = "jdbc:postgresql://" + h + (port == DEFAULT_PORT ? "" : ":" + port) + "/"
                + URLEncoder.encode(database.strip(), StandardCharsets.UTF_8);
        return tls ? url + "?sslmode=verify-full" : url;
    }

    public ServerConfig config() {
        checked();
        return new ServerConfig(url(), user.strip(), password == null || password.isEmpty() ? null : password);
    }

    /** The fields of a configured server; a URL these fields cannot express comes back as empty. */
    public static java.util.Optional<ServerAddress> of(ServerConfig config) {
        Matcher m = URL.matcher(config.url());
        if (!m.matches()) return java.util.Optional.empty();
        String query = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
        boolean tls = query.contains("sslmode=verify-full") || query.contains("sslmode=verify-ca")
                || query.contains("sslmode=require") || query.contains("ssl=true");
        return java.util.Optional.of(new ServerAddress(m.group(1), m.group(2) == null ? DEFAULT_PORT : Integer.parseInt(m.group(2)),
                URLDecoder.decode(m.group(3), StandardCharsets.UTF_8), config.user() == null ? "" : config.user(),
                config.password() == null ? "" : config.password(), tls));
    }

    @Override
    public String toString() {
        return "ServerAddress[" + host + ":" + port + "/" + database + ", user " + user + ", tls " + tls + "]";
    }
}
