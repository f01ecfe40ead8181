package com.outcomedesk.ui.sync;

import com.outcomedesk.sync.SyncReport;
import com.outcomedesk.sync.SyncService;
import com.outcomedesk.sync.SyncStatus;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The status-bar segment for sync: last sync, changes waiting, open conflicts, whether the server was
 * reachable. Syncs in the background on a schedule and on demand, one run at a time; an unreachable
 * server is shown, never raised as an error.
 */
public final class SyncStatusViewModel implements AutoCloseable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final SyncService sync;
    private final Executor worker;
    private final Executor fxThread;
    private final AtomicBoolean running = new AtomicBoolean();
    private final StringProperty text = new SimpleStringProperty("");
    private final StringProperty detail = new SimpleStringProperty("");
    private final BooleanProperty configured = new SimpleBooleanProperty();
    private final BooleanProperty reachable = new SimpleBooleanProperty(true);
    private final BooleanProperty syncing = new SimpleBooleanProperty();
    private final LongProperty pending = new SimpleLongProperty();
    private final LongProperty conflicts = new SimpleLongProperty();
    private final LongProperty pulled = new SimpleLongProperty();
    private ScheduledExecutorService scheduler;
    private volatile boolean closed;
    private ScheduledFuture<?> scheduled;

    /**
     * @param worker runs the sync off the UI thread
     * @param fxThread applies results on the UI thread ({@code Platform::runLater} in the app)
     */
    public SyncStatusViewModel(SyncService sync, Executor worker, Executor fxThread) {
        this.sync = sync;
        this.worker = worker;
        this.fxThread = fxThread;
    }

    /** Re-reads the status (cheap: local counts only). */
    public void refresh() {
        worker.execute(() -> {
            SyncStatus s = sync.status();
            fxThread.execute(() -> show(s, null));
        });
    }

    /** Syncs now unless a sync is already running or no server is set. */
    public void syncNow() {
        if (closed || !sync.configured() || !running.compareAndSet(false, true)) return;
        syncing.set(true);
        worker.execute(() -> {
            String problem = null;
            long received = 0;
            try {
                SyncReport r = sync.sync(SyncService.DEFAULT_ATTEMPTS);
                received = r.pulled();
                if (!r.complete()) problem = r.message();
            } catch (RuntimeException e) { // a SyncException says what to do; show it, keep syncing later
                problem = e.getMessage();
            } finally {
                running.set(false);
            }
            SyncStatus s = sync.status();
            String message = problem;
            long arrived = received;
            fxThread.execute(() -> {
                syncing.set(false);
                pulled.set(pulled.get() + arrived);
                show(s, message);
            });
        });
    }

    /** Syncs every so many minutes from now on; 0 stops the background syncs (Sync now still works). */
    public void scheduleEveryMinutes(int minutes) {
        if (minutes > 0) {
            schedule(Duration.ofMinutes(minutes));
        } else {
            synchronized (this) {
                if (scheduled != null) scheduled.cancel(false);
                scheduled = null;
            }
        }
    }

    /** Syncs every interval from now on, on a daemon thread; replaces an earlier schedule. */
    public synchronized void schedule(Duration interval) {
        if (scheduler == null) {
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "sync-schedule");
                t.setDaemon(true);
                return t;
            });
        }
        if (scheduled != null) scheduled.cancel(false);
        long ms = interval.toMillis();
        scheduled = scheduler.scheduleWithFixedDelay(this::syncNow, 0, ms, TimeUnit.MILLISECONDS);
    }

    private void show(SyncStatus s, String problem) {
        configured.set(s.configured());
        pending.set(s.pending());
        conflicts.set(s.openConflicts());
        reachable.set(s.reachable() == null || s.reachable());
        if (!s.configured()) {
            text.set("Local only");
            detail.set("No sync server is set; an administrator sets one in Sync settings.");
            return;
        }
        String last = s.lastSync() == null ? "never" : TIME.format(s.lastSync());
        text.set(String.format("Sync %s · %,d waiting · %,d conflicts%s%s", last, s.pending(), s.openConflicts(),
                s.quarantined() == 0 ? "" : String.format(" · %,d held back", s.quarantined()),
                reachable.get() ? "" : " · offline"));
        detail.set(problem != null ? problem : "Server " + s.server() + (reachable.get() ? ", reachable at the last try."
                : ", not reachable at the last try; changes stay here until it is."));
    }

    public ReadOnlyStringProperty textProperty() { return text; }
    public ReadOnlyStringProperty detailProperty() { return detail; }
    public ReadOnlyBooleanProperty configuredProperty() { return configured; }
    public ReadOnlyBooleanProperty reachableProperty() { return reachable; }
    public ReadOnlyBooleanProperty syncingProperty() { return syncing; }
    public ReadOnlyLongProperty pendingProperty() { return pending; }
    public ReadOnlyLongProperty conflictsProperty() { return conflicts; }
    /** Rows brought in by syncs since the app started; screens reload whenever it grows. */
    public ReadOnlyLongProperty pulledProperty() { return pulled; }

    /** Stops the schedule; a sync already running finishes (see {@link #awaitIdle}). */
    @Override
    public synchronized void close() {
        closed = true;
        if (scheduler != null) scheduler.shutdownNow();
    }

    /** Waits up to the bound for a running sync to finish, so the store can close under it cleanly. */
    public boolean awaitIdle(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (running.get()) {
            if (System.nanoTime() > deadline) return false;
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
