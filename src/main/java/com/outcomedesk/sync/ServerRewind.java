package com.outcomedesk.sync;

import com.outcomedesk.store.SettingsRepository;
import com.outcomedesk.store.SyncStateRepository;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server restored to an older point (a backup, point-in-time recovery) has lost what sites pushed after that point
 * and hands out again the change numbers they pulled up to. A site finds out by asking the server for the append-only
 * rows it holds under the highest server numbers (append-only rows keep their number for ever): a server that no
 * longer has one of them there has been rewound. The site then offers everything again (the server keeps what it has
 * and takes what it lost, by key and version, so nothing arrives twice) and pulls from the start. A flag kept in the
 * local store until the run completes lets an interrupted recovery finish in the next run.
 */
final class ServerRewind {
    private static final Logger LOG = LoggerFactory.getLogger(ServerRewind.class);

    private ServerRewind() {
    }

    /** A local row, the server number it has on the server, and whether the server shows it to every site. */
    private record Probe(SyncTable table, Object key, long serverSeq, boolean seenByEverySite) {
    }

    /**
     * True when this run must recover from a rewound server: found now (then the local side is prepared, committed),
     * or found by an earlier run that did not complete.
     */
    static boolean check(Connection local, ServerSide server) throws SQLException {
        String flag = flag(server.serverId());
        try (SyncStateRepository state = SyncStateRepository.over(local)) {
            if (state.mark(flag) != 0) return true;
            Probe lost = null;
            long committed = server.committed();
            for (Probe probe : probes(local)) {
                // A server's numbers never go back; a number it shows with another row was given again.
                if (probe.serverSeq() > committed) {
                    lost = probe;
                    break;
                }
                List<SyncRow> there = server.page(probe.table(), probe.serverSeq() - 1, probe.serverSeq(), 1);
                boolean givenAgain = !there.isEmpty() && !there.get(0).key().equals(probe.key());
                // Nothing there is proof only for a row this site must see: another site's may be outside its scope.
                if (givenAgain || there.isEmpty() && probe.seenByEverySite()) {
                    lost = probe;
                    break;
                }
            }
            if (lost == null) return false;
            LOG.warn("The server {} no longer holds change {} ({} {}): it was restored to an older point. Offering it "
                    + "everything this site has and pulling from the start.", server.serverId(), lost.serverSeq(),
                    lost.table().name(), lost.key());
            state.putMark(flag, 1);
            // Unnumbered rows are the ones to push; the server numbers them again (or anew, if it lost them).
            for (SyncTable t : AppendOnlySync.TABLES) update(local, "UPDATE " + t.name() + " SET server_seq = NULL");
            update(local, "DELETE FROM sync_state WHERE name LIKE 'pull.%@" + server.serverId().replace("'", "''") + "'");
            local.commit();
            return true;
        }
    }

    /** The recovery's run completed: from now on only changes travel again. */
    static void done(Connection local, String serverId) throws SQLException {
        update(local, "DELETE FROM sync_state WHERE name = '" + flag(serverId).replace("'", "''") + "'");
        local.commit();
    }

    private static String flag(String serverId) {
        return "rewound@" + serverId;
    }

    /**
     * Each append-only table's row with the highest server number, and this site's own newest audit entry. Model
     * versions and activations reach every site, and a site always sees what it wrote; the others may lie outside a
     * pull scope. Several, not one: a rewound server that numbers re-sent rows again could by chance give one of them
     * its old number, hardly all.
     */
    private static List<Probe> probes(Connection local) throws SQLException {
        List<Probe> probes = new java.util.ArrayList<>();
        for (SyncTable t : AppendOnlySync.TABLES) {
            boolean everySite = t == SyncTable.MODEL_VERSIONS || t == SyncTable.MODEL_ACTIVATIONS;
            newest(local, t, "TRUE", everySite).ifPresent(probes::add);
        }
        newest(local, SyncTable.AUDIT, "site_id = (SELECT setting_value FROM settings WHERE name = '"
                + SettingsRepository.SITE_ID + "')", true).ifPresent(probes::add);
        return probes;
    }

    private static java.util.Optional<Probe> newest(Connection local, SyncTable t, String where, boolean everySite)
            throws SQLException {
        String sql = "SELECT " + t.key() + ", server_seq FROM " + t.name() + " WHERE " + where + " AND server_seq = "
                + "(SELECT MAX(server_seq) FROM " + t.name() + " WHERE " + where + ")";
        try (PreparedStatement ps = local.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? java.util.Optional.of(new Probe(t, rs.getObject(1, java.util.UUID.class), rs.getLong(2),
                    everySite)) : java.util.Optional.empty();
        }
    }

    private static void update(Connection local, String sql) throws SQLException {
        try (PreparedStatement ps = local.prepareStatement(sql)) {
            ps.executeUpdate();
        }
    }
}
