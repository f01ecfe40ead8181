package com.outcomedesk.cli;

import java.io.Console;
import java.util.Arrays;
import java.util.Map;

/** Where the command line gets passwords: an environment variable for scripts, else the terminal. */
final class Passwords {
    static final String PASSWORD_ENV = "OUTCOMEDESK_PASSWORD";
    static final String NEW_PASSWORD_ENV = "OUTCOMEDESK_NEW_PASSWORD";

    private Passwords() {
    }

    /** The signing-in user's password. */
    static char[] current(Map<String, String> env, String user) {
        String value = env.get(PASSWORD_ENV);
        if (value != null && !value.isEmpty()) return value.toCharArray();
        Console console = terminal(PASSWORD_ENV);
        return console.readPassword("Password for %s: ", user);
    }

    /** A password being set (init, users add, users passwd): asked twice on a terminal. */
    static char[] chosen(Map<String, String> env, String variable, String user) {
        String value = env.get(variable);
        if (value != null && !value.isEmpty()) return value.toCharArray();
        Console console = terminal(variable);
        char[] first = console.readPassword("New password for %s: ", user);
        char[] second = console.readPassword("Repeat the password: ");
        if (!Arrays.equals(first, second)) throw new IllegalArgumentException("The two passwords differ; nothing was changed.");
        return first;
    }

    private static Console terminal(String variable) {
        Console console = System.console();
        if (console == null) {
            throw new IllegalArgumentException("No password given: set " + variable + " or run in a terminal to be asked.");
        }
        return console;
    }
}
