package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SIGKILL mid-backup leaves no file that verify accepts; SIGKILL mid-restore leaves the store there untouched. */
class KilledBackupTest {
    @TempDir Path dir;

    /** The child: backs up (args: backup HOME FILE) or restores replacing (args: restore HOME FILE), pausing mid-way. */
    public static void main(String[] args) {
        Path home = Path.of(args[1]);
        Path file = Path.of(args[2]);
        ProgressListener pausing = (stage, done, total) -> {
            if (done > 0 && (stage.startsWith("Backing up ") || stage.startsWith("Restoring"))) {
                System.out.println("mid-way");
                System.out.flush();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        if (args[0].equals("backup")) {
            try (Engine engine = Engine.open(TestStores.h2(home))) {
                engine.backup().backup(file, BackupFill.ADMIN, null, false, pausing);
            }
        } else {
            new BackupRestorer(Clock.systemUTC()).restore(file, TestStores.h2(home), BackupKey.Unlock.NONE, true, pausing);
        }
    }

    @Test
    void aKilledBackupLeavesNothingThatPassesAndAKilledRestoreLeavesTheStoreAsItWas() throws Exception {
        Path home = dir.resolve("home");
        Path good = dir.resolve("good.odbackup");
        try (Engine engine = Engine.open(TestStores.h2(home))) {
            for (int i = 0; i < 3; i++) {
                engine.importer().importFile(TestStores.referenceSample(), BackupFill.ADMIN, ProgressListener.NONE);
                engine.audit().record(BackupFill.ADMIN, "test.op", "appointment", "n" + i, null);
            }
            engine.backup().backup(good, BackupFill.ADMIN, null, false, ProgressListener.NONE);
        }
        Path killed = dir.resolve("killed.odbackup");
        killMidWay("backup", home, killed);
        assertThat(killed).doesNotExist();
        try (Stream<Path> s = Files.list(dir)) {
            for (Path leftover : s.filter(p -> p.getFileName().toString().startsWith("killed.odbackup.partial")).toList()) {
                assertThatThrownBy(() -> new BackupVerifier(Clock.systemUTC()).verify(leftover, BackupKey.Unlock.NONE,
                        ProgressListener.NONE)).isInstanceOf(BackupException.class);
            }
        }

        killMidWay("restore", home, good);
        try (Engine engine = Engine.open(TestStores.h2(home))) {
            assertThat(engine.appointments().counts().appointments()).isEqualTo(400);
            assertThat(engine.auditLog().verify(BackupFill.ADMIN).intact()).isTrue();
        }
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).toList();
            assertThat(names).noneMatch(n -> n.startsWith("home.replaced-"));
        }
    }

    private static void killMidWay(String mode, Path home, Path file) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledBackupTest.class.getName(), mode, home.toString(),
                file.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("mid-way")) {
                // wait until the work is half done
            }
            assertThat(line).as(mode + " reached the middle").isEqualTo("mid-way");
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
}
