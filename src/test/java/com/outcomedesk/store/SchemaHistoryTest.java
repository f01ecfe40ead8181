package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.testing.TestStores;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opening a store whose schema is current skips Flyway; everything else still goes through it: a pending migration is
 * applied, an edited or unknown one refused, and a newer program's schema refused by name.
 */
class SchemaHistoryTest {
    @TempDir Path home;

    private static List<SchemaHistory.Carried> carried() {
        return SchemaHistory.carried(SchemaHistoryTest.class.getClassLoader(), Vendor.H2).orElseThrow();
    }

    private static List<SchemaHistory.Carried> byVersion() {
        return carried().stream().sorted(Comparator.comparing(c -> new BigInteger(c.version()))).toList();
    }

    @Test
    void theChecksumsAreFlywaysAndAMigratedStoreIsCurrent() throws SQLException {
        StoreLocation location = TestStores.h2(home);
        try (Database db = Database.open(location)) {
            Map<String, Integer> recorded = new HashMap<>();
            db.withConnection(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                        "SELECT \"script\", \"checksum\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
                    while (rs.next()) recorded.put(rs.getString(1), rs.getInt(2));
                }
                return null;
            });
            assertThat(carried()).hasSizeGreaterThan(10).allSatisfy(m ->
                    assertThat(recorded).as(m.script()).containsEntry(m.script(), m.checksum()));
            assertThat(verdict(db).kind()).isEqualTo(SchemaHistory.Verdict.Kind.CURRENT);
        }
        // Opened again: nothing is applied twice and the store works.
        try (Database db = Database.open(location)) {
            assertThat(historyRows(db)).isEqualTo(carried().size());
            new SettingsRepository(db).put("k", "v");
            assertThat(new SettingsRepository(db).get("k")).contains("v");
        }
    }

    @Test
    void aPendingMigrationIsApplied() {
        List<SchemaHistory.Carried> versions = byVersion();
        String before = versions.get(versions.size() - 2).version();
        StoreLocation location = TestStores.h2(home);
        Flyway.configure().dataSource(location.jdbcUrl(), null, null).locations(Vendor.H2.migrationLocations())
                .placeholders(Vendor.H2.migrationPlaceholders()).target(before).load().migrate();
        try (Database db = Database.open(location)) {
            assertThat(historyRows(db)).isEqualTo(carried().size());
            assertThat(verdict(db).kind()).isEqualTo(SchemaHistory.Verdict.Kind.CURRENT);
        }
    }

    @Test
    void aNewerProgramsSchemaIsRefusedByVersion() {
        StoreLocation location = TestStores.h2(home);
        String newest = byVersion().get(byVersion().size() - 1).version();
        String future = new BigInteger(newest).add(BigInteger.valueOf(7)).toString();
        try (Database db = Database.open(location)) {
            db.withConnection(c -> addHistoryRow(c, future, "V" + future + "__from_the_future.sql", 1));
        }
        assertThatThrownBy(() -> Database.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version " + future).hasMessageContaining("newer OutcomeDesk")
                .hasMessageContaining("up to " + newest);
    }

    @Test
    void anEditedMigrationIsLeftToFlywayWhichRefusesIt() {
        StoreLocation location = TestStores.h2(home);
        try (Database db = Database.open(location)) {
            db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    return s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"checksum\" = \"checksum\" + 1 WHERE \"version\" = '1'");
                }
            });
            assertThat(verdict(db)).isEqualTo(SchemaHistory.Verdict.ASK_FLYWAY);
        }
        assertThatThrownBy(() -> Database.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("could not be brought up to date").hasMessageContaining("failed validation");
    }

    @Test
    void anAppliedMigrationThisProgramLacksIsRefused() {
        StoreLocation location = TestStores.h2(home);
        try (Database db = Database.open(location)) {
            db.withConnection(c -> addHistoryRow(c, "1.5", "V1_5__not_in_this_program.sql", 42));
            assertThat(verdict(db)).isEqualTo(SchemaHistory.Verdict.ASK_FLYWAY);
        }
        assertThatThrownBy(() -> Database.open(location)).isInstanceOf(StoreException.class)
                .hasMessageContaining("could not be brought up to date").hasMessageContaining("failed validation");
    }

    @Test
    void aNewStoreIsLeftToFlyway() throws SQLException {
        try (Connection c = java.sql.DriverManager.getConnection("jdbc:h2:mem:schema-history-" + System.nanoTime())) {
            assertThat(SchemaHistory.check(c, carried())).isEqualTo(SchemaHistory.Verdict.ASK_FLYWAY);
        }
    }

    @Test
    void theChecksumIgnoresLineEndingsAndALeadingByteOrderMark() throws IOException {
        int unix = checksum("CREATE TABLE t (a INT);\n-- why\n");
        assertThat(checksum("\uFEFFCREATE TABLE t (a INT);\r\n-- why\r\n")).isEqualTo(unix);
        assertThat(checksum("CREATE TABLE t (a BIGINT);\n-- why\n")).isNotEqualTo(unix);
    }

    private static int checksum(String text) throws IOException {
        return SchemaHistory.checksum(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static SchemaHistory.Verdict verdict(Database db) {
        return db.withConnection(c -> SchemaHistory.check(c, carried()));
    }

    private static int historyRows(Database db) {
        return db.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    private static int addHistoryRow(Connection c, String version, String script, int checksum) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeUpdate("INSERT INTO \"flyway_schema_history\" (\"installed_rank\", \"version\", \"description\", "
                    + "\"type\", \"script\", \"checksum\", \"installed_by\", \"execution_time\", \"success\") SELECT "
                    + "MAX(\"installed_rank\") + 1, '" + version + "', 'test', 'SQL', '" + script + "', " + checksum
                    + ", 'test', 1, TRUE FROM \"flyway_schema_history\"");
        }
    }
}
