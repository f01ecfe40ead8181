package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.appointments.AppointmentQuery;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoredAppointment;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server restored to an older point (a backup, point-in-time recovery): the sites' next syncs push back what it
 * lost and pull what was written after the restore, with no duplicates and no conflicts made up.
 */
@NeedsPostgres
class RewoundServerSyncTest {
    @TempDir Path dir;

    @Test
    void afterTheServerIsRewoundTheSitesSendWhatItLostAndPullWhatIsNew() throws SQLException {
        try (SyncFixture fixture = new SyncFixture(dir)) {
            Engine a = fixture.site();
            Engine b = fixture.site();
            StoredAppointment edited = SyncFixture.create(a, "dr-1", "Cough for two weeks.");
            for (int i = 0; i < 3; i++) SyncFixture.create(a, "dr-1", "Early visit number " + i);
            fixture.syncUntilQuiet();
            String snapshot = snapshot(fixture.schema);

            // After the restore point: a new appointment and an edit, both synced to the server and on to b.
            StoredAppointment late = SyncFixture.create(a, "dr-1", "Written after the restore point");
            StoredAppointment before = a.appointments().find(edited.id()).orElseThrow();
            a.appointments().update(before.id(), before.rowVersion(),
                    new AppointmentInput("dr-1", "Cough for three weeks, now worse.", null, null, null), SyncFixture.ADMIN);
            fixture.syncUntilQuiet();
            StoredAppointment onlyA = SyncFixture.create(a, "dr-1", "Pushed by a alone before the rewind");
            fixture.sync(a);

            rewind(fixture.schema, snapshot);
            StoredAppointment afterRewind = SyncFixture.create(b, "dr-2", "Written on b after the server was restored");
            fixture.syncUntilQuiet();

            List<UUID> onA = ids(a);
            List<UUID> onB = ids(b);
            assertThat(onA).doesNotHaveDuplicates().hasSize(7)
                    .contains(late.id(), onlyA.id(), afterRewind.id(), edited.id());
            assertThat(Set.copyOf(onB)).isEqualTo(Set.copyOf(onA));
            assertThat(b.appointments().find(edited.id()).orElseThrow().summary())
                    .as("the edit the server lost came back").isEqualTo("Cough for three weeks, now worse.");
            assertThat(SyncFixture.checksum(a)).isEqualTo(SyncFixture.checksum(b)).isEqualTo(fixture.serverChecksum());
            assertThat(a.sync().status().openConflicts() + b.sync().status().openConflicts())
                    .as("a lost version coming back is no conflict").isZero();
            assertThat(fixture.sync(a).pushed() + fixture.sync(b).pushed()).as("quiet again").isZero();
            assertThat(a.auditLog().verify(SyncFixture.ADMIN).intact()).isTrue();
        }
    }

    @Test
    void aServerThatWasNotRewoundIsNotOfferedEverythingAgain() {
        try (SyncFixture fixture = new SyncFixture(dir)) {
            Engine a = fixture.site();
            for (int i = 0; i < 3; i++) SyncFixture.create(a, "dr-1", "Ordinary visit number " + i);
            fixture.sync(a);
            SyncFixture.create(a, "dr-1", "One more ordinary visit");
            assertThat(fixture.sync(a).pushedByTable().get("appointments")).as("only the change").isEqualTo(1);
        }
    }

    /** Copies every table of the server schema aside, as a base backup would. */
    private static String snapshot(String schema) throws SQLException {
        String snap = schema + "_snap";
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + snap);
            for (String t : tables(c, schema)) s.execute("CREATE TABLE " + snap + "." + t + " AS TABLE " + schema + "." + t);
        }
        return snap;
    }

    /** Puts the server schema back as it was at the snapshot (every row), as a restore would; then drops the copy. */
    private static void rewind(String schema, String snap) throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica"); // no foreign-key order while rows are put back
            for (String t : tables(c, schema)) {
                s.execute("DELETE FROM " + schema + "." + t);
                s.execute("INSERT INTO " + schema + "." + t + " SELECT * FROM " + snap + "." + t);
            }
            s.execute("SET session_replication_role = DEFAULT");
            s.execute("DROP SCHEMA " + snap + " CASCADE");
        }
    }

    private static List<String> tables(Connection c, String schema) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = c.getMetaData().getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) tables.add(rs.getString("TABLE_NAME"));
        }
        return tables;
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(TestStores.PG_URL, TestStores.PG_USER, null);
    }

    private static List<UUID> ids(Engine e) {
        return e.appointments().page(AppointmentQuery.ALL, 0, 1000).stream().map(StoredAppointment::id).toList();
    }
}
