package com.outcomedesk.sync;

import com.outcomedesk.store.StoredConflict;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** Writes the losing side of a concurrent change into the server's conflicts table, once. */
final class ConflictLog {
    private static final SyncTable T = SyncTable.CONFLICTS;

    private ConflictLog() {
    }

    /** Records a conflict between two versions of an appointment; see the general form. */
    static boolean record(Connection server, ServerCounter counter, String entity, String entityId, Version winner,
                          Version loser, String loserData) throws SQLException {
        return record(server, counter, entity, entityId, winner.hlc(), winner.site(), loser.hlc(), loser.site(),
                loserData);
    }

    /**
     * Records a conflict; its id derives from both versions, so a push retried after a dropped connection
     * finds it already there instead of adding a duplicate. Stamps and sites are null where the entity has none.
     * @return whether it was new
     */
    static boolean record(Connection server, ServerCounter counter, String entity, String entityId,
                          Long winnerHlc, String winnerSite, Long loserHlc, String loserSite, String loserData)
            throws SQLException {
        UUID id = UUID.nameUUIDFromBytes(String.join("|", entity, entityId, String.valueOf(winnerHlc), winnerSite,
                String.valueOf(loserHlc), loserSite, Integer.toHexString(loserData.hashCode()))
                .getBytes(StandardCharsets.UTF_8));
        if (!SyncSql.existingKeys(server, T, List.of(id)).isEmpty()) return false;
        try (PreparedStatement ps = server.prepareStatement(T.insertSql("server_seq"))) {
            SyncRow row = T.row(new Object[] {id, entity, entityId, winnerHlc, winnerSite, loserHlc, loserSite,
                    loserData, OffsetDateTime.now(), StoredConflict.OPEN, null, null}, null);
            int next = T.bindAll(ps, row);
            ps.setLong(next, counter.next());
            ps.executeUpdate();
        }
        return true;
    }
}
