package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.sync.SyncFixture;
import com.outcomedesk.sync.SyncReport;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A site that lost its data directory and came back from a backup syncs as before: the next sync pulls what others
 * wrote to the server since the backup and pushes what the backup held that the server never got, with no duplicates.
 */
class RestoredSiteSyncTest {
    @TempDir Path dir;

    @Test
    void theNextSyncAfterARestoreBringsBothSidesTogetherWithoutDuplicates() {
        try (SyncFixture fixture = new SyncFixture(dir)) {
            Engine lost = fixture.site();
            Engine other = fixture.site();
            for (int i = 0; i < 3; i++) SyncFixture.create(lost, "dr-1", "Synced visit " + i);
            fixture.sync(lost);
            StoredAppointment unsynced = SyncFixture.create(lost, "dr-1", "Written after the last sync");
            Path file = dir.resolve("lost.odbackup");
            lost.backup().backup(file, SyncFixture.ADMIN, null, false, ProgressListener.NONE);
            lost.close(); // the data directory is lost with the site's last change still unsent

            StoredAppointment meanwhile = SyncFixture.create(other, "dr-2", "Written elsewhere after the backup");
            fixture.sync(other);

            Path home = dir.resolve("restored");
            new BackupRestorer(Clock.systemUTC()).restore(file, TestStores.h2(home), BackupKey.Unlock.NONE, false,
                    ProgressListener.NONE);
            try (Engine restored = Engine.open(TestStores.h2(home))) {
                SyncReport first = fixture.sync(restored);
                assertThat(first.pushed()).as("the backup's unsent appointment").isPositive();
                assertThat(first.pulled()).as("what the other site wrote").isPositive();
                fixture.sync(other);
                List<UUID> here = ids(restored);
                List<UUID> there = ids(other);
                assertThat(here).doesNotHaveDuplicates().hasSize(5).contains(unsynced.id(), meanwhile.id());
                assertThat(Set.copyOf(there)).isEqualTo(Set.copyOf(here));
                SyncReport again = fixture.sync(restored);
                assertThat(again.pushed() + again.pulled()).as("nothing left to move").isZero();
                assertThat(restored.auditLog().verify(SyncFixture.ADMIN).intact()).isTrue();
            }
        }
    }

    private static List<UUID> ids(Engine e) {
        return e.appointments().page(AppointmentQuery.ALL, 0, 1000).stream().map(StoredAppointment::id)
                .collect(Collectors.toList());
    }
}
