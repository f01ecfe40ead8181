package com.outcomedesk.sync;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The server's half of one sync run, however the site reaches it: a direct PostgreSQL connection
 * ({@link JdbcServerSide}, the advanced mode) or the OutcomeDesk Server's sync API ({@link HttpServerSide}). Either
 * way the server applies {@link ServerRules} in its own transactions; a lost connection is an {@link SQLException}
 * with SQLSTATE class 08 (or an IOException cause), which ends the run as interrupted.
 */
interface ServerSide extends AutoCloseable {

    /** An appointment offered in a push, with the version the site last agreed with the server (null: never). */
    record AppointmentOffer(SyncRow row, Version agreed) {
        boolean dirty() {
            return !row.version().equals(agreed);
        }
    }

    /** An outcome mapping offered in a push, with the category last agreed with the server (null: never). */
    record MappingOffer(SyncRow row, String agreedCategory) {
    }

    /**
     * What an appointment push did: rows written, conflicts newly kept, the rows whose server version won (by key),
     * and the rows the server refused, each alone, with the reason (they stay pending on the site).
     */
    record AppointmentOutcome(long written, long conflicts, Map<Object, SyncRow> serverWins,
                              Map<Object, Quarantine.Problem> refused) {
        static final AppointmentOutcome NONE = new AppointmentOutcome(0, 0, Map.of(), Map.of());
    }

    /** What an append-only push did: the server numbers of the offered rows now there, rows written, conflicts. */
    record AppendOutcome(Map<UUID, Long> numbers, long written, long conflicts) {
    }

    /** The server store's own id; it names the site's pull high-water marks, so a new server starts from zero. */
    String serverId();

    /** Numbers the rows written directly on the server (not by a sync), so that every site pulls them too. */
    void numberDirectWrites() throws SQLException;

    /** The highest committed change number: everything at or below it can be pulled. */
    long committed() throws SQLException;

    /**
     * Appointments made ready to push: the rows, and what the transport sends for them when it is prepared ahead (the
     * HTTP body, encoded and compressed; null when nothing is), so that the work overlaps the batch before on the
     * server instead of following it.
     */
    record Outbound(List<AppointmentOffer> rows, byte[] body) {
    }

    /**
     * Whether the next appointment batch may be sent before the answer to the one before: a transport of requests
     * (HTTP) may, one connection (JDBC) may not.
     */
    default boolean takesTwoBatches() {
        return false;
    }

    /** The rows made ready to push; by default nothing is done ahead. */
    default Outbound outbound(List<AppointmentOffer> rows) {
        return new Outbound(rows, null);
    }

    AppointmentOutcome pushAppointments(List<AppointmentOffer> rows) throws SQLException;

    /** Pushes rows made ready by {@link #outbound}. */
    default AppointmentOutcome pushAppointments(Outbound batch) throws SQLException {
        return pushAppointments(batch.rows());
    }

    AppendOutcome pushAppendOnly(SyncTable table, List<SyncRow> rows) throws SQLException;

    PushResult pushMappings(List<MappingOffer> rows) throws SQLException;

    /** Up to {@code limit} rows of the table numbered after {@code mark} up to {@code upTo}, in server order. */
    List<SyncRow> page(SyncTable table, long mark, long upTo, int limit) throws SQLException;

    @Override
    void close();
}
