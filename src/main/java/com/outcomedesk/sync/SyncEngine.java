package com.outcomedesk.sync;

import com.outcomedesk.store.ConflictRepository;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One sync run between the local store and the shared server: number rows written directly on the server,
 * push local changes, then pull everything the server committed before the pull began. Every batch commits
 * its server side before the local side records it, so an interrupted run is finished by the next one with
 * nothing lost and nothing twice.
 */
public final class SyncEngine {
    /**
     * Rows per batch and per local transaction. Pulling a million appointments into an empty site ran at 7,548/s
     * with 2,000 and 10,555/s with 8,000 (fewer H2 commits); a batch of wide rows is still only a few MB.
     */
    public static final int DEFAULT_BATCH = 8_000;
    private static final Logger LOG = LoggerFactory.getLogger(SyncEngine.class);

    private final Database database;
    private final int batch;
    private final AppointmentSync appointments;
    private final List<AppendOnlySync> appendOnly;
    private final MappingSync mappings = new MappingSync();
    private final ConflictPull conflicts = new ConflictPull();

    public SyncEngine(Database database, HybridClock clock, int batch) {
        this.database = database;
        this.batch = batch;
        this.appointments = new AppointmentSync(batch, clock);
        this.appendOnly = AppendOnlySync.TABLES.stream().map(t -> new AppendOnlySync(t, batch)).toList();
    }

    /** Runs once over a direct PostgreSQL connection (the advanced mode); see {@link #run(SyncTarget)}. */
    public SyncReport run(ServerConfig config) {
        return run(SyncTarget.direct(config));
    }

    /** Runs once. Connection failures end the run early with {@code reachable == false}; other errors throw. */
    SyncReport run(SyncTarget config) {
        long start = System.nanoTime();
        Tally tally = new Tally();
        String message;
        boolean reachable = true;
        boolean complete = false;
        boolean connected = false;
        try (ServerSide link = config.open(); Connection local = database.dataSource().getConnection()) {
            local.setAutoCommit(false);
            connected = true;
            try {
                exchange(link, local, tally);
                complete = true;
                message = "Synced with " + config.displayName() + ".";
            } catch (SQLException | RuntimeException e) {
                local.rollback();
                throw e;
            } finally {
                local.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            if (e instanceof SiteRefusedException) throw (SiteRefusedException) e;
            if (!ServerLink.isConnectionLoss(e)) {
                throw new SyncException("Sync with " + config.displayName() + " failed: " + firstLine(e)
                        + ". Nothing was lost; fix the cause and sync again.", e);
            }
            reachable = false;
            message = (!connected ? "Server " + config.displayName() + " is not reachable"
                    : "The connection to " + config.displayName() + " dropped during the sync")
                    + "; working offline. Changes stay here and go with the next sync.";
            LOG.info("Sync did not complete: {}", firstLine(e));
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new SyncReport(config.displayName(), reachable, connected && !complete, complete, sum(tally.pushed),
                sum(tally.pulled), tally.pushTotal.conflicts(), openConflicts(), quarantined(), pending(), durationMs,
                tally.pushMs, tally.pullMs, 1, tally.pushed, tally.pulled, OffsetDateTime.now(), message);
    }

    /** What a run did so far, kept as it goes: a run cut short reports what it did before the cut. */
    private static final class Tally {
        final Map<String, Long> pushed = new LinkedHashMap<>();
        final Map<String, Long> pulled = new LinkedHashMap<>();
        PushResult pushTotal = PushResult.NONE;
        long pushMs;
        long pullMs;

        void pushed(String table, PushResult result) {
            pushed.put(table, result.pushed());
            pushTotal = pushTotal.plus(result);
        }
    }

    /** Pushes, then pulls, counting into the tally. */
    private void exchange(ServerSide server, Connection local, Tally tally) throws SQLException {
        long start = System.nanoTime();
        server.numberDirectWrites();
        boolean rewound = ServerRewind.check(local, server);

        tally.pushed("appointments", appointments.push(local, server, rewound));
        for (AppendOnlySync table : appendOnly) tally.pushed(table.table().name(), table.push(local, server));
        tally.pushed("outcome_mappings", mappings.push(local, server, rewound));

        long pushedAt = System.nanoTime();
        tally.pushMs = (pushedAt - start) / 1_000_000;
        // Pull only what was committed before this point: a row then never arrives before a row it refers to.
        long upTo = server.committed();
        String at = "@" + server.serverId();
        tally.pulled.put("appointments", appointments.pull(local, server, "pull.appointments" + at, upTo));
        for (AppendOnlySync table : appendOnly) {
            tally.pulled.put(table.table().name(), table.pull(local, server, "pull." + table.table().name() + at, upTo));
        }
        tally.pulled.put("outcome_mappings", mappings.pull(local, server, "pull.outcome_mappings" + at, upTo));
        conflicts.pull(local, server, "pull.sync_conflicts" + at, upTo, batch);
        if (rewound) ServerRewind.done(local, server.serverId());
        tally.pullMs = (System.nanoTime() - pushedAt) / 1_000_000;
    }

    /** Local changes not yet on the server. */
    public long pending() {
        List<String> tables = appendOnly.stream().map(t -> t.table().name()).toList();
        return database.withConnection(c -> {
            try (SyncStateRepository state = SyncStateRepository.over(c)) {
                return state.pending(tables);
            }
        });
    }

    public long quarantined() {
        return database.withConnection(Quarantine::count);
    }

    public long openConflicts() {
        return new ConflictRepository(database).openCount();
    }

    private static long sum(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /**
     * The first line of the failure's message. A JDBC batch failure's own message quotes the statement with its
     * values (patient data), so the database's reason behind it is used instead.
     */
    public static String firstLine(Throwable e) {
        if (e instanceof java.sql.BatchUpdateException batch) {
            return batch.getNextException() != null ? firstLine(batch.getNextException())
                    : "a batch was refused (SQLSTATE " + batch.getSQLState() + ")";
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
