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

    AppointmentOutcome pushAppointments(List<AppointmentOffer> rows) throws SQLException;

    AppendOutcome pushAppendOnly(SyncTable table, List<SyncRow> rows) throws SQLException;

    PushResult pushMappings(List<MappingOffer> rows) throws SQLException;

    /** Up to {@code limit} rows of the table numbered after {@code mark} up to {@code upTo}, in server order. */
    List<SyncRow> page(SyncTable table, long mark, long upTo, int limit) throws SQLException;

    @Override
    void close();
}
