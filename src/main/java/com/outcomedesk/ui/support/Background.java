package com.outcomedesk.ui.support;

import com.outcomedesk.common.ProgressListener;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/**
 * Runs engine work off the FX thread. ViewModels depend on this interface, so tests can run the work
 * directly while the desktop app runs it in a {@link javafx.concurrent.Task}.
 */
public interface Background {

    /** Work that may report progress and may be cancelled by interrupting its thread. */
    @FunctionalInterface
    interface Job<T> {
        T call(ProgressListener progress) throws Exception;
    }

    /** Long work the user waits for: shown in the status bar with its progress and a Cancel button. */
    <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** Short loads (a page of rows, a count): not shown in the status bar. */
    <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure);

    /** True while long work runs, to disable actions that would start more. */
    ReadOnlyBooleanProperty busyProperty();
}
