package com.outcomedesk.ui.support;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;

/**
 * Runs work in {@link Task}s on daemon threads. The latest visible task's message and progress are
 * exposed as properties for the status bar; {@link #cancel()} interrupts it.
 */
public final class FxBackground implements Background {
    private final ExecutorService visible = Executors.newSingleThreadExecutor(daemon("outcome-desk-work"));
    /** Enough threads that a slow read (a ranking, a count over a million rows) never holds up the list's pages. */
    private final ExecutorService quiet = Executors.newFixedThreadPool(4, daemon("outcome-desk-load"));
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private Task<?> current;

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        ReportingTask<T> task = new ReportingTask<>(job, title);
        task.setOnScheduled(e -> {
            current = task;
            busy.set(true);
            message.bind(task.messageProperty());
            progress.bind(task.progressProperty());
        });
        task.setOnSucceeded(e -> finish(task, () -> onSuccess.accept(task.getValue())));
        task.setOnFailed(e -> finish(task, () -> onFailure.accept(task.getException())));
        task.setOnCancelled(e -> finish(task, () -> onFailure.accept(new CancelledException(title + " cancelled."))));
        visible.submit(task);
    }

    @Override
    public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new ReportingTask<>(job, null);
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> onFailure.accept(task.getException()));
        quiet.submit(task);
    }

    /** Interrupts the running visible task; the engine stops at its next check and keeps what it committed. */
    public void cancel() {
        if (current != null) current.cancel(true);
    }

    private void finish(Task<?> task, Runnable callback) {
        if (current == task) {
            current = null;
            message.unbind();
            progress.unbind();
            busy.set(false);
            message.set("");
            progress.set(0);
        }
        callback.run();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyDoubleProperty progressProperty() { return progress; }

    /** A task that turns engine progress callbacks into Task progress and message updates. */
    private static final class ReportingTask<T> extends Task<T> {
        private final Job<T> job;
        private final String title;

        /** @param title shown in the status bar; null for quiet loads, which report nothing */
        ReportingTask(Job<T> job, String title) {
            this.job = job;
            this.title = title;
            if (title != null) updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            if (title != null) updateMessage(title + "...");
            return job.call((stage, done, total) -> {
                if (title == null) return;
                updateMessage(total > 0 ? String.format("%s %,d of %,d", stage, done, total) : String.format("%s %,d", stage, done));
                if (total > 0) updateProgress(done, total);
                else updateProgress(-1, 1);
            });
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
