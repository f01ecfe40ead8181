package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.SQLException;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;

/**
 * A larger H2 page cache for the length of a bulk load. H2 keeps 16 MB of pages by default; a first pull of a million
 * appointments writes a table and its indexes many times that size, and the profile showed the load evicting and
 * reading back the same pages (cache pruning, page reads and rewrites at the top). The size is set on the open store
 * only (not persisted), so a load killed half-way leaves nothing behind; on PostgreSQL nothing changes.
 */
public final class H2PageCache implements AutoCloseable {
    /** At most a quarter of the heap, and no more than this: the pages of a million appointments fit. */
    static final int MAX_MB = 256;

    private final MVStore store;
    private final int before;

    private H2PageCache(MVStore store, int before) {
        this.store = store;
        this.before = before;
    }

    /** Widens the page cache of the store behind the connection; {@link #close} sets it back. */
    public static H2PageCache widen(Connection c) throws SQLException {
        if (Vendor.of(c) != Vendor.H2) return new H2PageCache(null, 0);
        MVStore store = ((SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase().getStore().getMvStore();
        int before = store.getCacheSize();
        int wanted = (int) Math.min(MAX_MB, Runtime.getRuntime().maxMemory() / 4 / (1024 * 1024));
        if (wanted > before) store.setCacheSize(wanted);
        return new H2PageCache(store, before);
    }

    @Override
    public void close() {
        if (store != null && !store.isClosed()) store.setCacheSize(before);
    }
}
