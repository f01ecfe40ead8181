package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.NeedsPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/deployment.md's point-in-time recovery, run: a throwaway PostgreSQL cluster with WAL archiving holds an
 * OutcomeDesk server store; a base backup, more work, a moment, then a mistake; {@code installer/server/pitr-recover.sh}
 * prepares a new data directory to that moment, and the recovered store holds the work up to it, not the mistake, with
 * its audit chain intact; a second recovery, to the end, from a base backup of the recovered server, keeps everything
 * (the first one's target must not travel with it). Needs PostgreSQL's server programs where Debian puts them
 * ({@code /usr/lib/postgresql/N/bin}) and, as root, the postgres user; skipped without them.
 */
@NeedsPostgres
class PointInTimeRecoveryTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final String PG_USER = "postgres";
    private static final String SCRIPT = Path.of("installer/server/pitr-recover.sh").toAbsolutePath().toString();
    private final List<Path> running = new ArrayList<>();
    private Path bin;
    private Path work;
    private Path home;
    private boolean asPostgres;

    @Test
    void theRecoveryScriptBringsTheServerBackToTheMomentBeforeAMistake() throws Exception {
        bin = serverPrograms().orElse(null);
        assumeTrue(bin != null, "PostgreSQL's server programs (initdb, pg_ctl, pg_basebackup) are not installed");
        asPostgres = "root".equals(System.getProperty("user.name"));
        assumeTrue(!asPostgres || Files.isExecutable(Path.of("/usr/sbin/runuser")) && postgresUserExists(),
                "as root, needs runuser and the postgres user (PostgreSQL refuses to run as root)");
        work = Files.createTempDirectory("outcome-desk-pitr");
        if (asPostgres) handToPostgres(work);
        Path data = work.resolve("data"), archive = work.resolve("archive"), base = work.resolve("base");
        pg(List.of("mkdir", archive.toString()));
        int port = freePort();
        pg(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", PG_USER, "--auth=trust", "-E", "UTF8"));
        Files.writeString(data.resolve("postgresql.conf"), String.join("\n", "", "port = " + port,
                "listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + work + "'", "wal_level = replica",
                "archive_mode = on", "archive_command = 'cp %p " + archive + "/%f'", ""),
                java.nio.file.StandardOpenOption.APPEND);
        start(data);

        String url = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        home = Files.createTempDirectory("outcome-desk-pitr-home");
        StoreLocation server = new StoreLocation(home, url, PG_USER, null);
        String target;
        try (Engine engine = Engine.open(server)) {
            create(engine, "before the base backup", 3);
            baseBackup(port, base);
            pg(List.of(bin.resolve("pg_verifybackup").toString(), base.toString()));
            create(engine, "after the base backup", 2);
            target = query(url, "SELECT to_char(clock_timestamp(), 'YYYY-MM-DD HH24:MI:SS.USOF')");
            Thread.sleep(1_100);
            create(engine, "the mistake", 4);
            archiveCurrentWal(url, archive);
        }
        stop(data);

        Path recovered = work.resolve("recovered");
        recover(url, base, archive, recovered, target);
        try (Engine engine = Engine.open(server)) {
            assertThat(engine.appointments().counts().appointments()).as("the work up to the moment, not the mistake")
                    .isEqualTo(5);
            assertThat(engine.auditLog().verify(ADMIN).intact()).isTrue();
        }
        assertThat(run(List.of("bash", SCRIPT, base.toString(), archive.toString(), recovered.toString())).output())
                .as("an occupied data directory is refused").contains("is not empty");

        Path later = work.resolve("later-base");
        try (Engine engine = Engine.open(server)) {
            baseBackup(port, later);
            create(engine, "after the recovery", 2);
            archiveCurrentWal(url, archive);
        }
        stop(recovered);
        recover(url, later, archive, work.resolve("again"));
        try (Engine engine = Engine.open(server)) {
            assertThat(engine.appointments().counts().appointments()).as("to the end: the first recovery's target is gone")
                    .isEqualTo(7);
        }
    }

    @AfterEach
    void stopClusters() throws Exception {
        for (Path data : running) pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "stop"), false);
        if (work != null) deleteTree(work);
        if (home != null) BackupRestorer.deleteTree(home);
    }

    private void baseBackup(int port, Path dir) throws Exception {
        pg(List.of(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", PG_USER,
                "-D", dir.toString(), "-Fp", "-Xs", "--checkpoint=fast"));
    }

    /** Closes the current WAL file and waits until archive_command has copied it. */
    private static void archiveCurrentWal(String url, Path archive) throws Exception {
        awaitArchived(archive.resolve(query(url, "SELECT pg_walfile_name(pg_switch_wal())")));
    }

    /** The documented recovery: the script prepares the directory, PostgreSQL replays the WAL and promotes. */
    private void recover(String url, Path base, Path archive, Path into, String... target) throws Exception {
        List<String> script = new ArrayList<>(List.of("bash", SCRIPT, base.toString(), archive.toString(), into.toString()));
        script.addAll(List.of(target));
        pg(script);
        start(into);
        awaitPromoted(url);
    }

    private static void create(Engine engine, String what, int n) {
        for (int i = 0; i < n; i++) {
            engine.appointments().create(new AppointmentInput("dr_0" + (i + 1), "Follow-up visit " + i + ", " + what + ".",
                    LocalDate.of(2026, 11, 2 + i), null, null), ADMIN);
        }
    }

    private void start(Path data) throws Exception {
        running.add(data); // before starting: a start that times out may still leave a server to stop
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l", data.resolveSibling(data.getFileName()
                + ".log").toString(), "-w", "-t", "60", "start"));
    }

    private void stop(Path data) throws Exception {
        pg(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast", "-w", "stop"));
        running.remove(data);
    }

    private static String query(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PG_USER, null); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void awaitArchived(Path segment) throws InterruptedException {
        for (int i = 0; i < 300 && !Files.exists(segment); i++) Thread.sleep(100);
        assertThat(segment).as("archived by archive_command").exists();
    }

    private static void awaitPromoted(String url) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            try {
                if ("f".equals(query(url, "SELECT pg_is_in_recovery()"))) return;
            } catch (SQLException e) {
                // still starting
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the recovered server did not finish recovery and promote within 30 s");
    }

    private record Ran(int code, String output) {
    }

    private void pg(List<String> command) throws Exception {
        pg(command, true);
    }

    private void pg(List<String> command, boolean mustSucceed) throws Exception {
        Ran r = run(command);
        if (mustSucceed) assertThat(r.code()).as(String.join(" ", command) + ":\n" + r.output()).isZero();
    }

    /** Runs a command as the cluster's owner: postgres when the tests run as root (PostgreSQL refuses root). */
    private Ran run(List<String> command) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgres) full.addAll(List.of("/usr/sbin/runuser", "-u", PG_USER, "--"));
        full.addAll(command);
        Path log = Files.createTempFile("outcome-desk-pitr-step", ".log");
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(work.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
                return new Ran(-1, String.join(" ", command) + " did not finish within 120 s:\n" + Files.readString(log));
            }
            return new Ran(p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static boolean postgresUserExists() {
        try {
            Path.of("/").getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(PG_USER);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void handToPostgres(Path dir) throws IOException {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName(PG_USER);
        Files.setOwner(dir, postgres);
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    }

    private static Optional<Path> serverPrograms() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(debian)) return Optional.empty();
        try (Stream<Path> versions = Files.list(debian)) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Stream.of("initdb", "pg_ctl", "pg_basebackup",
                    "pg_verifybackup").allMatch(n -> Files.isExecutable(b.resolve(n)))).sorted().reduce((a, b) -> b);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private void deleteTree(Path dir) throws Exception {
        // the cluster's files belong to postgres: removed as postgres, then the rest
        if (asPostgres) {
            List<String> rm = new ArrayList<>(List.of("rm", "-rf"));
            for (String d : List.of("data", "recovered", "base", "archive", "later-base", "again")) rm.add(dir.resolve(d).toString());
            run(rm);
        }
        BackupRestorer.deleteTree(dir);
    }
}
