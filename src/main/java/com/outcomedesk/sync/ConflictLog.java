package com.outcomedesk.sync;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes the losing side of a concurrent change into the server's conflicts table, once. */
final class ConflictLog {
    private ConflictLog() {
    }

    /**
     * Records a conflict; its id derives from both versions, so a push retried after a dropped connection
     * finds it already there instead of adding a duplicate.
     * @return whether it was new
     */
    static boolean record(Connection server, ServerCounter counter, String entity, String entityId,
                          Long winnerHlc, String winnerSite, Long loserHlc, String loserSite, String loserData)
            throws SQLException {
        UUID id = UUID.nameUUIDFromBytes(String.join("|", entity, entityId, String.valueOf(winnerHlc), winnerSite,
                String.valueOf(loserHlc), loserSite, Integer.toHexString(loserData.hashCode()))
                .getBytes(StandardCharsets.UTF_8));
        if (!SyncSql.existingKeys(server, SyncTable.CONFLICTS, List.of(id)).isEmpty()) return false;
        try (PreparedStatement ps = server.prepareStatement(SyncTable.CONFLICTS.insertSql("server_seq"))) {
            Object[] row = {id, entity, entityId, winnerHlc, winnerSite, loserHlc, loserSite, loserData,
                    OffsetDateTime.now(), "open", null, null};
            int next = SyncTable.CONFLICTS.bindAll(ps, row);
            ps.setLong(next, counter.next());
            ps.executeUpdate();
        }
        return true;
    }
}
