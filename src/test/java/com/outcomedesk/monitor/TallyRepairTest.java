package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.MonitorTallies;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repair path: predictions whose journal entries were lost (as if written with the triggers off, or by a crash
 * between a prediction and its entry) are found by the count check and the store recounted whole; a catch-up with
 * nothing to do leaves the tallies alone.
 */
class TallyRepairTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;

    @Test
    void lostJournalEntriesAreFoundAndTheStoreRecounted() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorTallies tallies = new MonitorTallies(engine.database());
            MonitorStream.write(engine, dir, ADMIN, 0, 2, 50, -1, 3);
            assertThat(tallies.catchUp()).isEqualTo(new MonitorTallies.CatchUp(100, true));
            assertThat(tallies.catchUp()).isEqualTo(new MonitorTallies.CatchUp(0, false));

            MonitorStream.write(engine, dir, ADMIN, 2, 3, 30, -1, 4);
            engine.database().withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("DELETE FROM monitor_tally_journal");
                }
                return null;
            });
            assertThat(tallies.catchUp().whole()).isTrue();
            assertThat(TallyInterleavingProperties.countedInJava(engine).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(2 * 130);
            var repaired = TallyInterleavingProperties.snapshot(tallies);
            tallies.recount();
            assertThat(TallyInterleavingProperties.snapshot(tallies)).isEqualTo(repaired);
            assertThat(engine.monitor().run(MonitorGrouping.MONTH, ADMIN).overall().predictions()).isEqualTo(130);
        }
    }

    @Test
    void aRecountCutOffAfterEmptyingTheTalliesIsMadeAgain() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorTallies tallies = new MonitorTallies(engine.database());
            MonitorStream.write(engine, dir, ADMIN, 0, 2, 50, -1, 3);
            tallies.catchUp();
            var before = TallyInterleavingProperties.snapshot(tallies);
            // where a recount stops when the process dies half-way through truncating: stale, every prediction still
            // counted, but the sums gone
            engine.database().withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("UPDATE monitor_tally_state SET state_value = NULL WHERE name = 'worse'");
                    s.executeUpdate("TRUNCATE TABLE monitor_tally_sums");
                }
                return null;
            });
            assertThat(tallies.catchUp()).isEqualTo(new MonitorTallies.CatchUp(100, true));
            assertThat(TallyInterleavingProperties.snapshot(tallies)).isEqualTo(before);
        }
    }

    @Test
    void aBulkLoadOfPredictionsIsCountedWholeAndAsAnIncrementalCountWould() throws Exception {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")))) {
            MonitorTallies tallies = new MonitorTallies(engine.database());
            MonitorStream.write(engine, dir, ADMIN, 0, 2, 50, -1, 3);
            tallies.catchUp();
            int bulk = 12_000; // as a first pull of another site's predictions: journalled, far more than counted
            engine.database().withConnection(c -> {
                try (var s = c.prepareStatement("INSERT INTO predictions (id, appointment_id, doctor_id, answered_by, label, "
                        + "probability, risk_tier, created_at, created_by, site_id) SELECT RANDOM_UUID(), id, doctor_id, "
                        + "'model version 1', 'worse', 0.7, 'high', CURRENT_TIMESTAMP, 'pull', 'site-b' FROM appointments")) {
                    for (int i = 0; i < bulk / 100; i++) s.executeUpdate();
                }
                return null;
            });
            assertThat(tallies.catchUp()).isEqualTo(new MonitorTallies.CatchUp(100 + bulk, true));
            assertThat(TallyInterleavingProperties.countedInJava(engine).values().stream().mapToLong(Long::longValue).sum())
                    .isEqualTo(2 * (100 + bulk));
            var counted = TallyInterleavingProperties.snapshot(tallies);
            tallies.recount();
            assertThat(TallyInterleavingProperties.snapshot(tallies)).isEqualTo(counted);
        }
    }
}
