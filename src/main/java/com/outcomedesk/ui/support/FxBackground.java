package com.outcomedesk.ui.support;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
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
 * exposed as properties for the status bar.
 *
 * <p>Cancelling never interrupts a thread: an interrupt that lands inside the embedded database's file I/O
 * closes the database ("The database has been closed", ClosedChannelException). The work stops instead at
 * its next progress report, where nothing is half-written.
 */
public final class FxBackground implements Background {
    private final ExecutorService visible = Executors.newSingleThreadExecutor(daemon("outcome-desk-work"));
    /** Enough threads that a slow read (a ranking, a count over a million rows) never holds up the list's pages. */
    private final ExecutorService quiet = Executors.newFixedThreadPool(4, daemon("outcome-desk-load"));
    private final BooleanProperty busy = new SimpleBooleanProperty(false);
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty cancelling = new SimpleBooleanProperty(false);
    private volatile boolean closed;
    private ReportingTask<?> current;

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        ReportingTask<T> task = new ReportingTask<>(job, title, () -> closed);
        task.setOnScheduled(e -> {
            current = task;
            busy.set(true);
            message.bind(task.messageProperty());
            progress.bind(task.progressProperty());
        });
        task.setOnSucceeded(e -> finish(task, () -> onSuccess.accept(task.getValue())));
        // Work stopped on request reports a cancellation, whatever the engine wrapped the stop in.
        task.setOnFailed(e -> finish(task, () -> onFailure.accept(task.cancelRequested
                ? new CancelledException(title + " cancelled.") : task.getException())));
        visible.submit(task);
    }

    @Override
    public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        Task<T> task = new ReportingTask<>(job, null, () -> closed);
        task.setOnSucceeded(e -> {
            if (!closed) onSuccess.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            if (!closed) onFailure.accept(task.getException());
        });
        quiet.submit(task);
    }

    /** Asks the running visible task to stop; the engine stops at its next progress report and keeps what it committed. */
    public void cancel() {
        if (current != null && !current.cancelRequested) {
            current.cancelRequested = true;
            cancelling.set(true);
            message.unbind();
            message.set("Cancelling " + current.getTitle() + "...");
        }
    }

    /**
     * Stops for good, for quitting: no callback runs from now on, the running task is asked to stop, queued work
     * does not start, and this waits up to the bound for the threads to finish.
     *
     * @return true when all work stopped within the bound
     */
    public boolean shutdown(Duration bound) {
        closed = true;
        cancel();
        visible.shutdown();
        quiet.shutdown();
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            return visible.awaitTermination(bound.toNanos(), TimeUnit.NANOSECONDS)
                    && quiet.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void finish(ReportingTask<?> task, Runnable callback) {
        if (current == task) {
            current = null;
            message.unbind();
            progress.unbind();
            busy.set(false);
            cancelling.set(false);
            message.set("");
            progress.set(0);
        }
        if (!closed) callback.run();
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() { return busy; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    /** True from Cancel until the work has stopped, so Cancel is not offered twice. */
    public ReadOnlyBooleanProperty cancellingProperty() { return cancelling; }

    /** A task that turns engine progress callbacks into Task progress and message updates, and stops there on request. */
    private static final class ReportingTask<T> extends Task<T> {
        private final Job<T> job;
        private final String title;
        private final BooleanSupplier closed;
        volatile boolean cancelRequested;

        /** @param title shown in the status bar; null for quiet loads, which report nothing */
        ReportingTask(Job<T> job, String title, BooleanSupplier closed) {
            this.job = job;
            this.title = title;
            this.closed = closed;
            if (title != null) updateTitle(title);
        }

        @Override
        protected T call() throws Exception {
            if (closed.getAsBoolean()) throw new CancelledException("The app is closing.");
            if (title != null) updateMessage(title + "...");
            return job.call((stage, done, total) -> {
                if (cancelRequested || closed.getAsBoolean()) throw new CancelledException(title + " cancelled.");
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
