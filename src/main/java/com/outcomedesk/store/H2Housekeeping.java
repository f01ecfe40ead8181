package com.outcomedesk.store;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * H2 writes a new chunk at every commit and leaves the old pages where they were; the background thread that rewrites
 * half-empty chunks and lets their space be reused runs only when commits are delayed (WRITE_DELAY above 0). The store
 * writes at every commit, so that no save the user saw succeed is lost, and the file then grew without bound (a 67 MB
 * import became a 5 GB file). This runs the same housekeeping H2's own thread would, on a daemon thread of ours.
 */
final class H2Housekeeping implements AutoCloseable {
    static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Method HOUSEKEEPING = housekeepingMethod();

    private final MVStore store;
    private final ScheduledExecutorService thread;

    /**
     * Also shortens how long a chunk no longer in use is kept before its space is written over (H2's default, 45 s,
     * made a busy store hold 45 s of writes besides its data) to two rounds: each round forces the file to disk first,
     * so by then a newer version of everything in the chunk is on the disk, and a power cut can never need it.
     */
    private H2Housekeeping(MVStore store, Duration period) {
        this.store = store;
        store.setRetentionTime((int) period.multipliedBy(2).toMillis());
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "outcome-desk-h2-housekeeping");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::tidy, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Starts housekeeping, a round every {@code period}, for the H2 file store behind the data source. */
    static H2Housekeeping start(DataSource dataSource, Duration period) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            SessionLocal session = (SessionLocal) c.unwrap(JdbcConnection.class).getSession();
            return new H2Housekeeping(session.getDatabase().getStore().getMvStore(), period);
        }
    }

    private void tidy() {
        if (store.isClosed()) return;
        try {
            store.sync();
            HOUSEKEEPING.invoke(store.getFileStore(), store);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // A store closing under us or a busy lock: the next round tries again.
        }
    }

    private static Method housekeepingMethod() {
        try {
            Method m = FileStore.class.getDeclaredMethod("doHousekeeping", MVStore.class);
            m.setAccessible(true);
            return m;
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("This H2 version has no MVStore housekeeping to run", e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
