package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreFiles;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.Logs;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Back up a store holding every kind of row, restore it into a fresh home, and find every table as it was. */
class BackupRoundTripTest {
    private static final char[] PASSWORD = "correct horse battery".toCharArray();
    @TempDir Path dir;

    @Test
    void aPlainStoreComesBackRowForRowWithItsAuditChainIntact() throws Exception {
        Path file = dir.resolve("site.odbackup");
        Map<String, List<String>> before;
        List<String> schema;
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")))) {
            BackupFill.everyKind(engine, BackupFill.ADMIN);
            before = BackupFill.tables(engine.database());
            schema = BackupFill.schema(engine.database());
            BackupManifest m = engine.backup().backup(file, BackupFill.ADMIN, null, false, ProgressListener.NONE);
            assertThat(m.encryption().scheme()).isEqualTo("none");
            assertThat(m.tables()).extracting(BackupManifest.Part::table).contains("appointments", "audit_log",
                    "model_versions", "predictions", "sync_conflicts", "sync_state", "settings", "outcome_mappings");
        }
        List<String> stages = new java.util.ArrayList<>();
        BackupRestorer.Result[] result = new BackupRestorer.Result[1];
        List<String> warned = Logs.during(StoreFiles.class, () -> result[0] = new BackupRestorer(Clock.systemUTC())
                .restore(file, TestStores.h2(dir.resolve("fresh")), BackupKey.Unlock.NONE, false,
                        (stage, done, total) -> stages.add(stage + " " + done + "/" + total)));
        BackupRestorer.Result r = result[0];
        assertThat(r.audit().intact()).isTrue();
        assertThat(warned).as("the restored files are owner-only from the start: nothing to warn of").isEmpty();
        List<String> builds = stages.stream().filter(st -> st.startsWith(BackupRestorer.BUILDING)).toList();
        assertThat(builds).as("each index build is a step of the progress").hasSizeGreaterThan(3)
                .startsWith(BackupRestorer.BUILDING + " 0/" + builds.size())
                .endsWith(BackupRestorer.BUILDING + " " + (builds.size() - 1) + "/" + builds.size());
        assertThat(stages.get(stages.size() - 1)).startsWith("Bringing the schema up to date");
        try (Engine restored = Engine.open(TestStores.h2(dir.resolve("fresh")))) {
            assertSameRows(before, BackupFill.tables(restored.database()));
            // the restore builds the indexes after the rows: each one must be back, as it was
            assertThat(BackupFill.schema(restored.database())).filteredOn(l -> l.startsWith("CREATE INDEX")).isNotEmpty()
                    .containsExactlyElementsOf(schema.stream().filter(l -> l.startsWith("CREATE INDEX")).toList());
            assertThat(BackupFill.schema(restored.database())).containsExactlyInAnyOrderElementsOf(schema);
            assertThat(restored.auditLog().verify(BackupFill.ADMIN).intact()).isTrue();
            assertThat(restored.models().active()).isPresent();
        }
    }

    @Test
    void anEncryptedStoreGivesAnEncryptedBackupThatOpensWithAUsersPassword() throws Exception {
        StoreLocation home = TestStores.h2(dir.resolve("home"));
        SignIn.initialize(home, "admin", PASSWORD);
        Path file = dir.resolve("site.odbackup");
        Map<String, List<String>> before;
        try (SignIn.Session s = SignIn.signIn(home, "admin", PASSWORD)) {
            BackupFill.everyKind(s.engine(), s.actor());
            before = BackupFill.tables(s.engine().database());
            BackupManifest m = s.engine().backup().backup(file, s.actor(), null, false, ProgressListener.NONE);
            assertThat(m.encryption().scheme()).isEqualTo("store");
            assertThat(m.storeEncrypted()).isTrue();
        }
        assertThat(new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1))
                // Plain texts the store holds, long enough that ciphertext cannot hold them by chance ("dr_" alone,
                // three bytes, turned up in about one encrypted backup in fifty).
                .doesNotContain("Cough").doesNotContain("before the backup").doesNotContain("backup.test");
        StoreLocation fresh = TestStores.h2(dir.resolve("fresh"));
        assertThatThrownBy(() -> new BackupRestorer(Clock.systemUTC()).restore(file, fresh,
                BackupKey.Unlock.user("admin", "wrong password!".toCharArray()), false, ProgressListener.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.WRONG_KEY));
        assertThat(Files.exists(dir.resolve("fresh"))).isFalse();
        new BackupRestorer(Clock.systemUTC()).restore(file, fresh, BackupKey.Unlock.user("admin", PASSWORD), false,
                ProgressListener.NONE);
        try (SignIn.Session s = SignIn.signIn(fresh, "admin", PASSWORD)) {
            assertSameRows(before, BackupFill.tables(s.engine().database()));
            assertThat(s.engine().auditLog().verify(s.actor()).intact()).isTrue();
        }
    }

    @Test
    void aPlainStoreBackupCanBeSealedWithAPassphrase() {
        Path file = dir.resolve("site.odbackup");
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")))) {
            engine.importer().importFile(TestStores.referenceSample(), BackupFill.ADMIN, ProgressListener.NONE);
            engine.backup().backup(file, BackupFill.ADMIN, "a long passphrase".toCharArray(), false, ProgressListener.NONE);
        }
        BackupVerifier verifier = new BackupVerifier(Clock.systemUTC());
        assertThatThrownBy(() -> verifier.verify(file, BackupKey.Unlock.NONE, ProgressListener.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.KEY_NEEDED));
        assertThatThrownBy(() -> verifier.verify(file, BackupKey.Unlock.passphrase("not it".toCharArray()), ProgressListener.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.WRONG_KEY));
        BackupVerifier.Report report = verifier.verify(file, BackupKey.Unlock.passphrase("a long passphrase".toCharArray()),
                ProgressListener.NONE);
        assertThat(report.sound()).isTrue();
        assertThat(report.restored().rows().get("appointments")).isPositive();
    }

    @Test
    void aPostgresStoreComesBackIntoAnH2HomeAndIntoAnEmptySchema() {
        String schema = TestStores.createPostgresSchema();
        String target = TestStores.createPostgresSchema();
        try {
            Path file = dir.resolve("server.odbackup");
            Map<String, List<String>> before;
            try (Engine engine = Engine.open(TestStores.postgres(dir.resolve("pg-home"), schema))) {
                BackupFill.everyKind(engine, BackupFill.ADMIN);
                before = BackupFill.tables(engine.database());
                BackupManifest m = engine.backup().backup(file, BackupFill.ADMIN, null, false, ProgressListener.NONE);
                assertThat(m.source()).isEqualTo("POSTGRESQL");
            }
            BackupRestorer restorer = new BackupRestorer(Clock.systemUTC());
            restorer.restore(file, TestStores.h2(dir.resolve("fresh")), BackupKey.Unlock.NONE, false, ProgressListener.NONE);
            try (Engine restored = Engine.open(TestStores.h2(dir.resolve("fresh")))) {
                assertSameRows(before, BackupFill.tables(restored.database()));
                assertThat(restored.auditLog().verify(BackupFill.ADMIN).intact()).isTrue();
            }
            StoreLocation pg = TestStores.postgres(dir.resolve("pg-restored"), target);
            restorer.restore(file, pg, BackupKey.Unlock.NONE, false, ProgressListener.NONE);
            try (Engine restored = Engine.open(pg)) {
                assertSameRows(before, BackupFill.tables(restored.database()));
            }
            assertThatThrownBy(() -> restorer.restore(file, pg, BackupKey.Unlock.NONE, false, ProgressListener.NONE))
                    .isInstanceOfSatisfying(BackupException.class,
                            e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.TARGET_TAKEN));
        } finally {
            TestStores.dropPostgresSchema(schema);
            TestStores.dropPostgresSchema(target);
        }
    }

    /**
     * Every table holds the same rows; the restored audit trail holds the original entries plus those the restore and
     * the checks added (a verification, the restore itself).
     */
    static void assertSameRows(Map<String, List<String>> before, Map<String, List<String>> after) {
        assertThat(after.keySet()).containsExactlyElementsOf(before.keySet());
        for (String table : before.keySet()) {
            if (table.equals("audit_log")) {
                assertThat(after.get(table)).as(table).containsAll(before.get(table));
                assertThat(after.get(table).stream().filter(r -> !before.get(table).contains(r)))
                        .allMatch(r -> r.contains("|audit-verify|") || r.contains("|backup-restore|") || r.contains("|sign-in|"));
            } else {
                assertThat(after.get(table)).as(table).containsExactlyElementsOf(before.get(table));
            }
        }
    }
}
