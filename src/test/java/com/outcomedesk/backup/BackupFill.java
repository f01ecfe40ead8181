package com.outcomedesk.backup;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.learn.TrainingRequest;
import com.outcomedesk.store.Database;
import com.outcomedesk.store.StoreTables;
import com.outcomedesk.testing.TestStores;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Fills a store with every kind of row a backup must carry, and reads every table back for comparison. */
final class BackupFill {
    static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);

    private BackupFill() {
    }

    /** The reference sample, a trained and active model, predictions, a conflict, sync marks and audit entries. */
    static void everyKind(Engine engine, Actor actor) {
        engine.importer().importFile(TestStores.referenceSample(), actor, ProgressListener.NONE);
        engine.training().train(new TrainingRequest(TrainingRequest.Algorithm.LOGREG, 3, true, 42,
                TrainingRequest.DEFAULT_BITS), actor, ProgressListener.NONE);
        engine.predictions().predictPending(actor, ProgressListener.NONE);
        engine.settings().put("backup.test", "kept");
        engine.database().withConnection(c -> {
            try (var ps = c.prepareStatement("INSERT INTO sync_conflicts (id, entity, entity_id, winner_hlc, winner_site,"
                    + " loser_hlc, loser_site, loser_data, detected_at, status) VALUES (?, 'appointment', 'x', 1, 'a', 2, 'b',"
                    + " '{\"summary\":\"lost\"}', ?, 'open')")) {
                ps.setObject(1, UUID.randomUUID());
                ps.setObject(2, OffsetDateTime.now());
                ps.executeUpdate();
            }
            try (var ps = c.prepareStatement("INSERT INTO sync_state (name, state_value) VALUES ('pulled:appointments@test', 42)")) {
                ps.executeUpdate();
            }
            return null;
        });
        engine.audit().record(actor, "test.op", "appointment", "n1", "before the backup");
    }

    /** Every table's rows as sorted text lines, keyed by table. */
    static Map<String, List<String>> tables(Database database) {
        return StoreTables.snapshot(database, snapshot -> {
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (StoreTables.Table t : snapshot.tables()) {
                List<String> rows = new ArrayList<>();
                snapshot.rows(t, values -> {
                    StringBuilder line = new StringBuilder();
                    for (Object v : values) {
                        line.append(v instanceof byte[] b ? Base64.getEncoder().encodeToString(b)
                                : v instanceof OffsetDateTime odt ? odt.toInstant().toString() : String.valueOf(v)).append('|');
                    }
                    rows.add(line.toString());
                });
                Collections.sort(rows);
                all.put(t.name(), rows);
            }
            return all;
        });
    }

    /** The store's schema as H2 scripts it (tables, keys, constraints and indexes), sorted: to compare two stores. */
    static List<String> schema(Database database) {
        return database.withConnection(c -> {
            List<String> ddl = new ArrayList<>();
            try (var s = c.createStatement(); var rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
                while (rs.next()) {
                    String line = rs.getString(1);
                    if (line.startsWith("CREATE") || line.startsWith("ALTER")) ddl.add(line);
                }
            }
            Collections.sort(ddl);
            return ddl;
        });
    }
}
