package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.testing.TestStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Indexes set aside for a bulk load come back as they were: after the load, and after a load killed half-way. */
class SetAsideIndexesTest {
    @TempDir Path dir;

    @Test
    void theAppointmentsPlainIndexesGoAndComeBackAsTheyWereWhileTheKeysStay() {
        try (Database database = Database.open(TestStores.h2(dir))) {
            List<String> before = schema(database);
            database.withConnection(c -> {
                c.setAutoCommit(false);
                SetAsideIndexes aside = SetAsideIndexes.of(c, "appointments");
                assertThat(aside.count()).isGreaterThanOrEqualTo(5);
                List<String> during = schema(c);
                assertThat(during).noneMatch(l -> l.startsWith("CREATE INDEX") && l.contains("IDX_APPOINTMENTS_CREATED"));
                assertThat(during).anyMatch(l -> l.contains("PRIMARY KEY") && l.contains("APPOINTMENTS"));
                assertThat(during).anyMatch(l -> l.contains("IDX_PREDICTIONS_APPOINTMENT"));
                assertThat(during).anyMatch(l -> l.contains("IDX_APPOINTMENTS_OUTCOME"));   // behind a foreign key
                assertThat(setAsideRows(c)).isEqualTo(aside.count());
                aside.restore();
                assertThat(setAsideRows(c)).isZero();
                c.setAutoCommit(true);
                return null;
            });
            assertThat(schema(database)).isEqualTo(before);
        }
    }

    @Test
    void anIndexKeptThroughTheLoadStaysWhileTheOthersGoAndComeBack() {
        try (Database database = Database.open(TestStores.h2(dir))) {
            List<String> before = schema(database);
            database.withConnection(c -> {
                c.setAutoCommit(false);
                int all = SetAsideIndexes.plainIndexes(c, "APPOINTMENTS").size();
                SetAsideIndexes aside = SetAsideIndexes.keeping(c, "appointments", "idx_appointments_server_seq");
                assertThat(aside.count()).isEqualTo(all - 1);
                List<String> during = schema(c);
                assertThat(during).anyMatch(l -> l.startsWith("CREATE INDEX") && l.contains("IDX_APPOINTMENTS_SERVER_SEQ"));
                assertThat(during).noneMatch(l -> l.startsWith("CREATE INDEX") && l.contains("IDX_APPOINTMENTS_CREATED"));
                aside.restore();
                c.setAutoCommit(true);
                return null;
            });
            assertThat(schema(database)).isEqualTo(before);
        }
    }

    @Test
    void theAppointmentsIndexLedByTheirKeyIsToldApartFromThoseThatAreNot() {
        try (Database database = Database.open(TestStores.h2(dir))) {
            database.withConnection(c -> {
                Set<String> led = SetAsideIndexes.ledByPrimaryKey(c);
                assertThat(SetAsideIndexes.plainIndexes(c, null).keySet()).filteredOn(led::contains)
                        .containsExactly("\"PUBLIC\".\"IDX_APPOINTMENTS_MONITOR\"");
                return null;
            });
        }
    }

    @Test
    void aLoadKilledWithItsIndexesAsideGetsThemBackWhenTheStoreNextOpens() {
        List<String> before;
        try (Database database = Database.open(TestStores.h2(dir))) {
            before = schema(database);
            database.withConnection(c -> {
                c.setAutoCommit(false);
                SetAsideIndexes.of(c, "appointments");   // never restored: the process "dies" here
                c.setAutoCommit(true);
                return null;
            });
            assertThat(schema(database)).isNotEqualTo(before);
        }
        try (Database reopened = Database.open(TestStores.h2(dir))) {
            assertThat(schema(reopened)).isEqualTo(before);
            assertThat(reopened.withConnection(SetAsideIndexesTest::setAsideRows)).isZero();
        }
    }

    private static int setAsideRows(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM set_aside_indexes")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static List<String> schema(Database database) {
        return database.withConnection(SetAsideIndexesTest::schema);
    }

    private static List<String> schema(Connection c) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SCRIPT NODATA NOPASSWORDS NOSETTINGS")) {
            while (rs.next()) {
                String line = rs.getString(1);
                if (line.startsWith("CREATE") || line.startsWith("ALTER")) ddl.add(line);
            }
        }
        Collections.sort(ddl);
        return ddl;
    }
}
