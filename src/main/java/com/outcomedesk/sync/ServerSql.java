package com.outcomedesk.sync;

import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Sync's protocol SQL on the shared server: pages of rows by change number (what a pull reads) and the agreed
 * versions a push records there. Plain JDBC on the sync's own server connection, so that a refused statement stays
 * an {@link SQLException} the push can isolate; the statements' text is the store's ({@link SyncStateRepository}).
 */
final class ServerSql {
    private ServerSql() {
    }

    /**
     * One page of the server's rows numbered after {@code mark} up to {@code upTo}, in server order, each with its
     * server number; ends the server's read transaction.
     */
    static List<SyncRow> page(Connection server, SyncTable table, long mark, long upTo, int batch)
            throws SQLException {
        String sql = "SELECT " + table.columnList() + ", server_seq FROM " + table.name()
                + " WHERE server_seq > ? AND server_seq <= ? ORDER BY server_seq LIMIT " + batch;
        List<SyncRow> rows = new ArrayList<>();
        try (PreparedStatement ps = server.prepareStatement(sql)) {
            ps.setLong(1, mark);
            ps.setLong(2, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) rows.add(table.readNumbered(rs));
            }
        }
        server.commit();
        return rows;
    }

    /** Takes one pulled row; may throw what writing it out throws. */
    @FunctionalInterface
    interface RowSink {
        void accept(SyncRow row) throws java.io.IOException;
    }

    /**
     * As {@link #page}, only the rows the scope lets the site see, each handed to the sink as it is read (a cursor on
     * PostgreSQL), so a page of any size is never held whole; returns how many rows went.
     */
    static long stream(Connection server, SyncTable table, long mark, long upTo, int limit, SiteScope scope,
                       RowSink sink) throws SQLException, java.io.IOException {
        List<String> ids = scope.wholeNetwork() ? List.of() : scope.ids();
        String sql = "SELECT " + table.columnList() + ", server_seq FROM " + table.name()
                + " WHERE server_seq > ? AND server_seq <= ?" + visible(table, ids) + " ORDER BY server_seq LIMIT " + limit;
        long n = 0;
        try (PreparedStatement ps = server.prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            ps.setLong(1, mark);
            ps.setLong(2, upTo);
            int p = 3;
            for (int i = 0; i < placeholdersIn(table); i++) for (String id : ids) ps.setString(p++, id);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sink.accept(table.readNumbered(rs));
                    n++;
                }
            }
        }
        server.commit();
        return n;
    }

    /**
     * The condition a pull scope adds (empty for the whole network): appointments and audit entries last written
     * by a site in scope, predictions of appointments in scope, conflicts one of whose versions was written in scope.
     * Models and the outcome dictionary are the network's, seen by every site.
     */
    private static String visible(SyncTable table, List<String> ids) {
        if (ids.isEmpty()) return "";
        String in = " IN (" + SyncSql.placeholders(ids.size()) + ")";
        if (table == SyncTable.APPOINTMENTS || table == SyncTable.AUDIT) return " AND site_id" + in;
        if (table == SyncTable.PREDICTIONS) {
            return " AND (appointment_id IS NULL OR appointment_id IN (SELECT id FROM appointments WHERE site_id" + in + "))";
        }
        if (table == SyncTable.CONFLICTS) return " AND (entity <> 'appointment' OR winner_site" + in + " OR loser_site" + in + ")";
        return "";
    }

    /** How many times {@link #visible} lists the scope's site ids. */
    private static int placeholdersIn(SyncTable table) {
        if (table == SyncTable.CONFLICTS) return 2;
        return table == SyncTable.APPOINTMENTS || table == SyncTable.AUDIT || table == SyncTable.PREDICTIONS ? 1 : 0;
    }

    /** A batch statement recording agreed versions ({@link SyncStateRepository#AGREE}); add rows with {@link #addAgreed}. */
    static PreparedStatement agreeing(Connection server) throws SQLException {
        return server.prepareStatement(SyncStateRepository.AGREE);
    }

    static void addAgreed(PreparedStatement agree, Object id, Version version) throws SQLException {
        agree.setObject(1, id);
        agree.setLong(2, version.hlc());
        agree.setString(3, version.site());
        agree.addBatch();
    }
}
