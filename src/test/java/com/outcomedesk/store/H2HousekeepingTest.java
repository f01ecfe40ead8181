package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One-row commits with random keys, as saved predictions and audit entries arrive on a server: the same writes on two
 * H2 files, one with the housekeeping and one without (which shows the test can fail), and the file sizes compared.
 */
class H2HousekeepingTest {
    private static final int COMMITS = 4_000;
    @TempDir Path dir;

    @Test
    void aStoreWritingAtEveryCommitStaysCloseToItsDataWithHousekeeping() throws Exception {
        long without = fileAfterCommits("without", false);
        long with = fileAfterCommits("with", true);
        assertThat(with).as("file with housekeeping %d bytes, without %d", with, without).isLessThan(without / 4);
    }

    private long fileAfterCommits(String name, boolean housekeeping) throws SQLException, java.io.IOException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL("jdbc:h2:file:" + dir.resolve(name).resolve("store") + ";WRITE_DELAY=0");
        try (Connection c = source.getConnection()) {
            c.createStatement().execute("CREATE TABLE saved (id UUID PRIMARY KEY, note VARCHAR(400))");
            c.createStatement().execute("CREATE INDEX saved_note ON saved (note)");
            H2Housekeeping tidy = housekeeping ? H2Housekeeping.start(source, Duration.ofMillis(10)) : null;
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO saved VALUES (?, ?)")) {
                for (int i = 0; i < COMMITS; i++) {
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setString(2, id + " " + "x".repeat(300));
                    insert.executeUpdate();
                }
            } finally {
                if (tidy != null) tidy.close();
            }
            return Files.size(dir.resolve(name).resolve("store.mv.db"));
        }
    }
}
