package com.outcomedesk.sync;

import com.outcomedesk.store.AgreedVersion;
import com.outcomedesk.store.H2PageCache;
import com.outcomedesk.store.HybridClock;
import com.outcomedesk.store.SetAsideIndexes;
import com.outcomedesk.store.SyncStateRepository;
import com.outcomedesk.sync.ServerSide.AppointmentOffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Appointments are edited on several sites: last writer wins by {@link Version}, and a concurrent losing
 * version with different content is kept as a conflict. A row is "dirty" while its version differs
 * from the version last agreed with the server ({@link SyncStateRepository}).
 */
final class AppointmentSync {
    static final SyncTable T = SyncTable.APPOINTMENTS;
    private static final int N = T.columns().size();

    private final int batch;
    private final HybridClock clock;

    AppointmentSync(int batch, HybridClock clock) {
        this.batch = batch;
        this.clock = clock;
    }

    /**
     * Pushes every local change. Rows breaking the text rule, and rows the server refuses, are quarantined and stay
     * pending; the rest go on.
     */
    PushResult push(Connection local, ServerSide server) throws SQLException {
        return push(local, server, false);
    }

    /**
     * As {@link #push(Connection, ServerSide)}; with {@code everything}, unchanged rows are offered too (with their
     * own version as the agreed one), for a server that lost some ({@link ServerRewind}).
     */
    PushResult push(Connection local, ServerSide server, boolean everything) throws SQLException {
        PushResult result = PushResult.NONE;
        boolean overlapped = server.takesTwoBatches();
        ExecutorService sender = aside("sync-push", overlapped ? 2 : 1);
        Outgoing out = null;
        Outgoing next = null;
        try {
            out = new Outgoing(batch(local, null, everything), server).send(sender, server);
            // While the server applies a batch, this thread reads the next and makes it ready to send (over HTTP:
            // encoded and compressed), then records the answer of the one before: their rows lie after that one's, so
            // what its answer changes is not theirs. A transport that takes two batches at once gets the next before
            // that answer, so its decoding and the wire overlap the server applying the one before (the server still
            // applies them one after the other, under its change counter's lock).
            while (!out.rows.isEmpty()) {
                next = new Outgoing(batch(local, (UUID) out.rows.get(out.rows.size() - 1).row().key(), everything),
                        server);
                if (overlapped) next.send(sender, server);
                ServerSide.AppointmentOutcome outcome = out.answer();
                if (!overlapped) next.send(sender, server);
                Outgoing done = out;
                out = next;
                next = null;
                result = result.plus(done.record(local, outcome));
            }
            return result;
        } finally {
            // The link is the run's: batches still on their way are waited for before anyone else uses it.
            for (Outgoing o : new Outgoing[] {out, next}) {
                if (o != null && o.sent != null) o.sent.cancel(false);
            }
            sender.shutdown();
            awaitQuietly(sender);
        }
    }

    /** A batch on its way to the server: the rows sent and those held back by the text rule. */
    private final class Outgoing {
        final List<AppointmentOffer> rows;
        final Map<Object, Quarantine.Problem> held = new LinkedHashMap<>();
        final ServerSide.Outbound sendable;
        Future<ServerSide.AppointmentOutcome> sent;

        /** Sorts out the rows the text rule holds back and has the server's side make the rest ready to send. */
        private Outgoing(List<AppointmentOffer> rows, ServerSide server) {
            this.rows = rows;
            List<AppointmentOffer> pass = new ArrayList<>();
            for (AppointmentOffer r : rows) {
                Quarantine.Problem p = Quarantine.check(T, r.row());
                if (p == null) pass.add(r);
                else held.put(r.row().key(), p);
            }
            sendable = pass.isEmpty() ? null : server.outbound(pass);
        }

        /** Sends the rows that pass the text rule, on the sender's thread. */
        Outgoing send(ExecutorService sender, ServerSide server) {
            if (sendable != null) sent = sender.submit(() -> server.pushAppointments(sendable));
            return this;
        }

        /** The server's answer, or none when nothing was sent. */
        ServerSide.AppointmentOutcome answer() throws SQLException {
            if (sent == null) return null;
            ServerSide.AppointmentOutcome outcome = await(sent);
            sent = null;
            return outcome;
        }

        /** Records the server's answer locally and quarantines what was held or refused; commits. */
        PushResult record(Connection local, ServerSide.AppointmentOutcome outcome) throws SQLException {
            PushResult result = PushResult.NONE;
            if (outcome != null) {
                held.putAll(outcome.refused());
                for (SyncRow s : outcome.serverWins().values()) clock.observe(s.version().hlc());
                markPushed(local, sendable.rows().stream().filter(r -> !outcome.refused().containsKey(r.row().key()))
                        .toList(), outcome.serverWins());
                local.commit();
                result = new PushResult(outcome.written(), outcome.conflicts(), 0);
            }
            Quarantine.record(local, Quarantine.APPOINTMENT, rows.stream().map(r -> r.row().key()).toList(), held, "push");
            local.commit();
            return result.plus(new PushResult(0, 0, held.size()));
        }
    }

    /** A thread that talks to the server while this one works on the local store. */
    private static ExecutorService aside(String name) {
        return aside(name, 1);
    }

    private static ExecutorService aside(String name, int threads) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Pulls the server's changes numbered after the high-water mark up to {@code upTo}; returns rows applied. The
     * next page is fetched while this one is written, so the server's reading and the wire overlap the local
     * inserts; each page still commits with its mark, so a cut run resumes after the last page written. Into a store
     * with no appointments yet (a first pull) every row is new, as a row has one number and those up to
     * {@code upTo} are fixed: the pages are inserted without looking up what the store holds.
     */
    long pull(Connection local, ServerSide server, String watermarkName, long upTo) throws SQLException {
        long applied = 0;
        ExecutorService fetcher = aside("sync-pull-prefetch");
        Future<List<SyncRow>> next = null;
        SetAsideIndexes setAside = null;
        H2PageCache cache = null;
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            long mark = state.mark(watermarkName);
            boolean fresh = mark == 0 && state.noAppointments();
            List<SyncRow> rows = mark < upTo ? server.page(T, mark, upTo, batch) : List.of();
            // A first pull of more than a page: the rows go in with the plain indexes set aside, built once at the end,
            // and a page cache that holds what the load keeps rewriting. The pages come in server order, so the
            // server-number index stays (each row goes at its end).
            if (fresh && rows.size() == batch) {
                cache = H2PageCache.widen(local);
                setAside = SetAsideIndexes.keeping(local, T.name(), "idx_appointments_server_seq");
            }
            while (!rows.isEmpty()) {
                long last = rows.get(rows.size() - 1).serverSeq();
                if (last < upTo) {
                    next = fetcher.submit(() -> server.page(T, last, upTo, batch));
                }
                applied += applyPulled(local, state, rows, fresh);
                state.putMark(watermarkName, last);
                local.commit();
                rows = next == null ? List.of() : await(next);
                next = null;
            }
            if (setAside != null) setAside.restore();
        } catch (SQLException | RuntimeException e) {
            // The rows pulled so far stay; the next run, or the store's next opening, goes on from them.
            if (setAside != null) {
                try {
                    setAside.restore();
                } catch (SQLException again) {
                    e.addSuppressed(again);
                }
            }
            throw e;
        } finally {
            // The link is the run's: a page still on its way is waited for before anyone else uses it.
            if (next != null) next.cancel(false);
            fetcher.shutdown();
            awaitQuietly(fetcher);
            if (cache != null) cache.close();
        }
        return applied;
    }

    private static <R> R await(Future<R> answer) throws SQLException {
        try {
            return answer.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("The sync was interrupted", "08006", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) throw sql;
            if (e.getCause() instanceof RuntimeException run) throw run;
            throw new IllegalStateException(e.getCause());
        }
    }

    private static void awaitQuietly(ExecutorService fetcher) {
        try {
            fetcher.awaitTermination(HttpServerSide.REQUEST_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long applyPulled(Connection local, SyncStateRepository state, List<SyncRow> rows, boolean fresh)
            throws SQLException {
        Map<Object, AppointmentOffer> existing = fresh ? Map.of() : SyncSql.fetch(local, T,
                SyncStateRepository.APPOINTMENTS_WITH_AGREED, ", " + SyncStateRepository.AGREED_COLUMNS,
                rows.stream().map(SyncRow::key).toList(), AppointmentSync::readLocal);
        SyncSql.ensureDoctors(local, ServerRules.doctors(rows));
        long applied = 0;
        long maxHlc = 0;
        List<Object> taken = new ArrayList<>();
        List<AgreedVersion> agreed = new ArrayList<>();
        Map<Object, Quarantine.Problem> broken = new LinkedHashMap<>();
        try (PreparedStatement insert = local.prepareStatement(T.insertSql("row_version", "server_seq"));
             PreparedStatement update = local.prepareStatement(T.updateSql("row_version = row_version + 1",
                     "server_seq = ?"))) {
            for (SyncRow p : rows) {
                maxHlc = Math.max(maxHlc, p.version().hlc());
                AppointmentOffer l = existing.get(p.key());
                if (l == null) {
                    int i = T.bindAll(insert, p);
                    insert.setLong(i, 0);
                    insert.setLong(i + 1, p.serverSeq());
                    insert.addBatch();
                    applied++;
                } else if (l.row().version().equals(p.version())) {
                    // Usually this site's own push coming back: nothing to do unless the agreed version is not yet recorded.
                    if (!l.dirty()) continue;
                } else if (!l.dirty()) {
                    int i = T.bindValues(update, p);
                    update.setLong(i, p.serverSeq());
                    update.setObject(i + 1, p.key());
                    update.addBatch();
                    applied++;
                } else {
                    // A dirty local row is left alone: the next push meets the server's version and resolves both.
                    continue;
                }
                agreed.add(agreedVersion(p));
                taken.add(p.key());
                Quarantine.Problem problem = Quarantine.check(T, p);
                if (problem != null) broken.put(p.key(), problem);
            }
            insert.executeBatch();
            update.executeBatch();
        }
        if (fresh) state.agreeNew(agreed);
        else state.agree(agreed);
        // Stored as the server has it, so the other sites' view stays whole; listed, to be repaired here.
        Quarantine.record(local, Quarantine.APPOINTMENT, taken, broken, "pull");
        clock.observe(maxHlc);
        return applied;
    }

    private List<AppointmentOffer> batch(Connection local, UUID after, boolean everything) throws SQLException {
        String sql = "SELECT " + T.columnList("a.") + ", " + SyncStateRepository.AGREED_COLUMNS + " FROM "
                + SyncStateRepository.APPOINTMENTS_WITH_AGREED + " WHERE "
                + (everything ? "1 = 1" : SyncStateRepository.APPOINTMENT_DIRTY)
                + (after == null ? "" : " AND a.id > ?") + " ORDER BY a.id LIMIT " + batch;
        List<AppointmentOffer> rows = new ArrayList<>();
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            if (after != null) ps.setObject(1, after);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(readLocal(rs));
            }
        }
        return rows;
    }

    /** Reads the catalogue columns followed by the agreed version's. */
    private static AppointmentOffer readLocal(ResultSet rs) throws SQLException {
        SyncRow row = T.read(rs);
        long hlc = rs.getLong(N + 1);
        boolean none = rs.wasNull();
        String site = rs.getString(N + 2);
        return new AppointmentOffer(row, none || site == null ? null : new Version(hlc, site));
    }

    /**
     * After the server committed: pushed rows get the pushed version as agreed (a row edited again meanwhile
     * has moved on from it and so stays dirty); rows where the server's version won take it, unless edited again.
     */
    private static void markPushed(Connection local, List<AppointmentOffer> rows, Map<Object, SyncRow> serverWins)
            throws SQLException {
        List<AgreedVersion> agreed = new ArrayList<>();
        try (PreparedStatement take = local.prepareStatement(T.updateSql("row_version = row_version + 1")
                + " AND hlc = ? AND site_id = ?")) {
            for (AppointmentOffer l : rows) {
                SyncRow r = l.row();
                SyncRow s = serverWins.get(r.key());
                if (s == null) {
                    agreed.add(agreedVersion(r));
                    continue;
                }
                int i = T.bindValues(take, s);
                take.setObject(i, r.key());
                take.setLong(i + 1, r.version().hlc());
                take.setString(i + 2, r.version().site());
                if (take.executeUpdate() == 1) agreed.add(agreedVersion(s));
            }
        }
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            state.agree(agreed);
        }
    }

    private static AgreedVersion agreedVersion(SyncRow row) {
        return new AgreedVersion((UUID) row.key(), row.version().hlc(), row.version().site());
    }

}
