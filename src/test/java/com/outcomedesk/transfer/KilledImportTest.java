package com.outcomedesk.transfer;

import com.outcomedesk.common.ProgressListener;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.demo.DemoDataGenerator;
import com.outcomedesk.demo.DemoDataWriter;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An import killed outright mid-way keeps every batch it reported committed, and leaves an audit trail that accounts
 * for exactly the rows it stored.
 */
class KilledImportTest {
    private static final long RECORDS = 100_000;
    @TempDir Path dir;

    /** The child process: imports args[1] into the store at args[0], printing each batch's progress. */
    public static void main(String[] args) {
        try (Engine engine = Engine.open(TestStores.h2(Path.of(args[0])))) {
            engine.importer().importFile(Path.of(args[1]), new Actor("importer", Role.ADMINISTRATOR),
                    (stage, done, total) -> System.out.println(stage + " " + done));
        }
    }

    @Test
    void theTrailAccountsForEveryCommittedRowOfAKilledImport() throws Exception {
        Path home = dir.resolve("store");
        Path file = dir.resolve("big.json");
        DemoDataWriter.write(new DemoDataGenerator(7, DemoDataGenerator.defaultDoctorCount(RECORDS), 0.05), RECORDS, file,
                null, ProgressListener.NONE);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledImportTest.class.getName(), home.toString(),
                file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !(line.startsWith("Importing ") && Long.parseLong(line.substring(10)) >= 10_000)) {
                // wait until a few batches are committed
            }
        }
        assertThat(child.isAlive()).as("child still importing when killed").isTrue();
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (Engine engine = Engine.open(TestStores.h2(home))) {
            long stored = engine.appointments().counts().appointments();
            List<String> actions = new ArrayList<>();
            long audited = engine.database().withConnection(c -> {
                long sum = 0;
                Pattern imported = Pattern.compile("imported=(\\d+)");
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT action, details FROM audit_log WHERE action LIKE 'import%' ORDER BY seq");
                     ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actions.add(rs.getString(1));
                        Matcher m = imported.matcher(rs.getString(2));
                        if (rs.getString(1).equals("import-batch") && m.find()) sum += Long.parseLong(m.group(1));
                    }
                }
                return sum;
            });
            // Every batch reported committed before the kill is on disk (the store writes at each commit).
            assertThat(stored).isBetween(10_000L, RECORDS - 1);
            assertThat(actions.get(0)).isEqualTo("import-start");
            assertThat(actions).doesNotContain("import");
            assertThat(audited).isEqualTo(stored);
        }
    }
}
