package com.outcomedesk.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * The server's change counter. Every writing transaction locks its row first, so change numbers are handed
 * out in commit order and a reader that has seen number N has seen every change numbered below N.
 */
final class ServerCounter {
    static final String NAME = "server_seq";
    private final Connection server;
    private long value;

    private ServerCounter(Connection server, long value) {
        this.server = server;
        this.value = value;
    }

    /** Locks the counter until the transaction ends. */
    static ServerCounter lock(Connection server) throws SQLException {
        try (PreparedStatement ps = server.prepareStatement(
                "SELECT state_value FROM sync_state WHERE name = ? FOR UPDATE")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) throw new SQLException("The server store has no change counter; is it an OutcomeDesk store?");
                return new ServerCounter(server, rs.getLong(1));
            }
        }
    }

    /** The highest committed change number, without locking: everything at or below it can be pulled. */
    static long committed(Connection server) throws SQLException {
        try (PreparedStatement ps = server.prepareStatement("SELECT state_value FROM sync_state WHERE name = ?")) {
            ps.setString(1, NAME);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        }
    }

    long next() {
        return ++value;
    }

    /** Saves the counter and commits the transaction's changes with it. */
    void commit() throws SQLException {
        // The row exists: lock() found it.
        try (PreparedStatement ps = server.prepareStatement("UPDATE sync_state SET state_value = ? WHERE name = ?")) {
            ps.setLong(1, value);
            ps.setString(2, NAME);
            ps.executeUpdate();
        }
        server.commit();
    }
}
