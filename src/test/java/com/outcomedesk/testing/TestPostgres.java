package com.outcomedesk.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * The PostgreSQL server the tests use: the one whose JDBC URL {@code -Doutcomedesk.test.pg} names, else the
 * server at 127.0.0.1:5432 (user postgres, database test) when it answers, else (or with
 * {@code -Doutcomedesk.test.pg=embedded}) an embedded server of the tests' own, started once per test JVM,
 * so {@code mvn test} passes on a machine without PostgreSQL.
 */
final class TestPostgres {
    static final String USER = "postgres";
    private static final String LOCAL = "jdbc:postgresql://127.0.0.1:5432/test";

    private TestPostgres() {
    }

    /** The JDBC URL of database {@code test} on the chosen server. */
    static String url() {
        String configured = System.getProperty("outcomedesk.test.pg");
        if ("embedded".equals(configured)) return embedded();
        if (configured != null) return configured;
        return answers(LOCAL) ? LOCAL : embedded();
    }

    private static boolean answers(String url) {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("connectTimeout", "3");
        try (Connection c = DriverManager.getConnection(url, p)) {
            return c.isValid(3);
        } catch (SQLException e) {
            return false;
        }
    }

    private static String embedded() {
        if ("root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("No PostgreSQL answers at 127.0.0.1:5432 and the embedded one cannot run as root "
                    + "(PostgreSQL refuses to). Start a server there (user postgres, trust, database test) or run the tests "
                    + "as a normal user.");
        }
        try {
            EmbeddedPostgres server = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // the JVM is ending; the server's files are temporary
                }
            }));
            String base = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/";
            try (Connection c = DriverManager.getConnection(base + "postgres", USER, null); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE test");
            }
            return base + "test";
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start the embedded PostgreSQL for the tests", e);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database test on the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }
}
