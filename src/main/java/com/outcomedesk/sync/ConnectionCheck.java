package com.outcomedesk.sync;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Properties;

/**
 * Tries the shared server once and says in words what happened; the driver's own message (which names URLs,
 * classes and settings) never reaches the user.
 */
public final class ConnectionCheck {
    /** What a test connection found. */
    public enum Result { REACHABLE, WRONG_PASSWORD, NO_SUCH_DATABASE, UNKNOWN_HOST, UNREACHABLE_HOST, TLS_PROBLEM, REFUSED }

    /** The result and a sentence saying what it means and what to do. */
    public record Outcome(Result result, String message) {
        public boolean ok() { return result == Result.REACHABLE; }
    }

    private ConnectionCheck() {
    }

    public static Outcome test(ServerAddress address, int timeoutSeconds) {
        ServerConfig config = address.config();
        Properties props = new Properties();
        props.setProperty("user", config.user());
        if (config.password() != null) props.setProperty("password", config.password());
        props.setProperty("connectTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("loginTimeout", Integer.toString(timeoutSeconds));
        props.setProperty("ApplicationName", "OutcomeDesk connection test");
        String where = address.host().strip() + " port " + address.port();
        try (Connection c = DriverManager.getConnection(config.url(), props)) {
            String version = c.getMetaData().getDatabaseProductVersion();
            return new Outcome(Result.REACHABLE, "Connected: the server " + where + " answered (PostgreSQL " + version
                    + ") and the database " + address.database().strip() + " accepted " + config.user() + ".");
        } catch (SQLException e) {
            return explain(e, address, where);
        }
    }

    static Outcome explain(SQLException e, ServerAddress address, String where) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        String text = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (state.equals("28P01") || state.equals("28000")) {
            return new Outcome(Result.WRONG_PASSWORD, "The server " + where + " refused the user name or password; "
                    + "check both with the server's administrator.");
        }
        if (state.equals("3D000")) {
            return new Outcome(Result.NO_SUCH_DATABASE, "The server " + where + " answered, but it has no database named "
                    + address.database().strip() + "; check the name, or ask the server's administrator to create it.");
        }
        if (text.contains("ssl") || text.contains("certificate") || text.contains("tls")) {
            return new Outcome(Result.TLS_PROBLEM, address.tls()
                    ? "The server " + where + " answered, but a checked TLS connection could not be made: either the server "
                    + "does not offer TLS or its certificate could not be verified for this host name. Ask the server's "
                    + "administrator, or turn TLS off only on a network you trust."
                    : "The server " + where + " asks for TLS; turn TLS on.");
        }
        Throwable cause = rootCause(e);
        if (cause instanceof UnknownHostException) {
            return new Outcome(Result.UNKNOWN_HOST, "No computer named " + address.host().strip() + " was found; "
                    + "check the host name and the network.");
        }
        if (cause instanceof ConnectException || cause instanceof NoRouteToHostException
                || cause instanceof SocketTimeoutException || state.startsWith("08")) {
            return new Outcome(Result.UNREACHABLE_HOST, "Nothing answered at " + where + "; check the host and port, "
                    + "that the server is running and that a firewall lets the connection through.");
        }
        return new Outcome(Result.REFUSED, "The server " + where + " refused the connection (" + plainReason(state)
                + "); ask the server's administrator.");
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t;
    }

    private static String plainReason(String state) {
        return state.isEmpty() ? "no reason given" : "error code " + state;
    }
}
