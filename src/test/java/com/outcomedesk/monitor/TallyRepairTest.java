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
}
