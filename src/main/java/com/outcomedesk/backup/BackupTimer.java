package com.outcomedesk.backup;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Looks every minute whether a scheduled backup is due, on a daemon thread of its own (the desktop's and the server's). */
public final class BackupTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BackupTimer.class);
    private final ScheduledExecutorService executor;

    private BackupTimer(ScheduledExecutorService executor) {
        this.executor = executor;
    }

    /**
     * @param made          told of each backup made, on the timer's thread
     * @param afterEachLook run after each look, e.g. to raise the alert for a backup overdue (after the look, so a
     *                      backup just made counts); its failures are logged and the timer keeps looking
     */
    public static BackupTimer start(ScheduledBackups schedule, Consumer<Path> made, Runnable afterEachLook) {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outcome-desk-backup-schedule");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(() -> {
            schedule.runIfDue().ifPresent(made);
            try {
                afterEachLook.run();
            } catch (RuntimeException e) {
                // a task that throws is never run again by the executor: the schedule must outlive one failure
                LOG.error("After looking for a due backup: {}", e.getMessage());
            }
        }, 1, 60, TimeUnit.SECONDS);
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
