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
     * As {@link #page}, each row handed to the sink as it is read (a cursor on PostgreSQL), so a page of any size is
     * never held whole; returns how many rows went.
     */
    static long stream(Connection server, SyncTable table, long mark, long upTo, int limit, RowSink sink)
            throws SQLException, java.io.IOException {
        String sql = "SELECT " + table.columnList() + ", server_seq FROM " + table.name()
                + " WHERE server_seq > ? AND server_seq <= ? ORDER BY server_seq LIMIT " + limit;
        long n = 0;
        try (PreparedStatement ps = server.prepareStatement(sql)) {
            ps.setFetchSize(1_000);
            ps.setLong(1, mark);
            ps.setLong(2, upTo);
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
