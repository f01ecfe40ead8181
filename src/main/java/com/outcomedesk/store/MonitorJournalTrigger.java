package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * H2's triggers of migration V63: each prediction saved or removed, and each predicted appointment whose date, outcome,
 * deletion or change time moved, gets an entry in the monitor's journal within the writer's own transaction, so the
 * monitor's tallies ({@link MonitorTallies}) can never miss a change that was committed. PostgreSQL's triggers apply
 * the same rule in PL/pgSQL.
 */
public final class MonitorJournalTrigger implements org.h2.api.Trigger {
    private static final String[] WATCHED = {"appointment_date", "outcome_category", "updated_at", "deleted"};

    private boolean predictions;
    private int id;
    private final int[] watched = new int[WATCHED.length];

    @Override
    public void init(Connection c, String schema, String trigger, String table, boolean before, int type) throws SQLException {
        predictions = table.equalsIgnoreCase("predictions");
        try (ResultSet rs = c.getMetaData().getColumns(null, schema, table, null)) {
            while (rs.next()) {
                String name = rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT);
                int at = rs.getInt("ORDINAL_POSITION") - 1;
                if (name.equals("id")) id = at;
                for (int i = 0; i < WATCHED.length; i++) if (WATCHED[i].equals(name)) watched[i] = at;
            }
        }
    }

    @Override
    public void fire(Connection c, Object[] before, Object[] after) throws SQLException {
        if (predictions) {
            note(c, "INSERT INTO monitor_tally_journal (id, prediction_id) VALUES (?, ?)", (after != null ? after : before)[id], 2);
            return;
        }
        // an appointment just inserted has no prediction yet, and one that has predictions cannot be removed
        if (before == null || after == null || !moved(before, after)) return;
        note(c, "INSERT INTO monitor_tally_journal (id, appointment_id) SELECT ?, ? FROM (VALUES (1)) x "
                + "WHERE EXISTS (SELECT 1 FROM predictions WHERE appointment_id = ?)", after[id], 3);
    }

    private boolean moved(Object[] before, Object[] after) {
        for (int column : watched) if (!Objects.equals(before[column], after[column])) return true;
        return false;
    }

    /** Runs {@code sql} with a new entry id first and {@code key} in every later parameter up to {@code parameters}. */
    private static void note(Connection c, String sql, Object key, int parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, UUID.randomUUID());
            for (int i = 2; i <= parameters; i++) s.setObject(i, key);
            s.executeUpdate();
        }
    }
}
