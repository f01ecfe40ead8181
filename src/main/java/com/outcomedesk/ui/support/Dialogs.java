package com.outcomedesk.ui.support;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What ViewModels ask of the user; the desktop app shows dialogs, tests answer from a script. */
public interface Dialogs {
    void error(String title, String message);

    void info(String title, String message);

    boolean confirm(String title, String message);

    /** A file to read, or empty when the user cancelled. */
    Optional<Path> openFile(String title);

    /** A backup file to restore from, or empty when the user cancelled. */
    Optional<Path> openBackup(String title);

    /** A file to write, or empty when the user cancelled. */
    Optional<Path> saveFile(String title, String suggestedName);

    /** A password or passphrase typed hidden, or empty when the user cancelled. */
    Optional<char[]> secret(String title, String message);

    /** One of the choices, or empty when the user cancelled. */
    <T> Optional<T> choose(String title, String message, List<T> choices, T preselected);
}
