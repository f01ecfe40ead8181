package com.outcomedesk.backup;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Looks every minute whether a scheduled backup is due, on a daemon thread of its own (the desktop's and the server's). */
public final class BackupTimer implements AutoCloseable {
    private final ScheduledExecutorService executor;

    private BackupTimer(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /** @param made told of each backup made, on the timer's thread */
    public static BackupTimer start(ScheduledBackups schedule, Consumer<Path> made) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outcome-desk-backup-schedule");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> schedule.runIfDue().ifPresent(made), 1, 60, TimeUnit.SECONDS);
        return new BackupTimer(executor);
    }

    /** Stops looking; a backup being written is let finish (bounded), as it is moved into place only when whole. */
    @Override
    public void close() {
        executor.shutdown();
        try {
            executor.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
