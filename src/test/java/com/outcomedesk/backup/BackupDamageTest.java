package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Enumeration;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged, cut-off, foreign and newer backups: verify names the damage and restore refuses, leaving nothing behind. */
class BackupDamageTest {
    @TempDir static Path dir;
    private static Path good;
    private static Path sealed;

    @BeforeAll
    static void backUp() {
        good = dir.resolve("good.odbackup");
        sealed = dir.resolve("sealed.odbackup");
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")))) {
            engine.importer().importFile(TestStores.referenceSample(), BackupFill.ADMIN, ProgressListener.NONE);
            engine.backup().backup(good, BackupFill.ADMIN, null, false, ProgressListener.NONE);
            engine.backup().backup(sealed, BackupFill.ADMIN, "passphrase!".toCharArray(), false, ProgressListener.NONE);
        }
    }

    @Test
    void aFlippedByteInAnyPartIsNamedByVerifyAndRefusedByRestore() throws IOException {
        for (Path backup : new Path[] {good, sealed}) {
            BackupKey.Unlock unlock = backup == sealed ? BackupKey.Unlock.passphrase("passphrase!".toCharArray())
                    : BackupKey.Unlock.NONE;
            for (BackupManifest.Part part : BackupVerifier.manifest(backup).parts()) {
                Path damaged = rewrite(backup, part.name(), (name, bytes) -> {
                    if (name.equals(part.name()) && bytes.length > 0) bytes[bytes.length / 2] ^= 0x01;
                    return bytes;
                });
                BackupVerifier.Report report = new BackupVerifier(Clock.systemUTC()).verify(damaged, unlock, ProgressListener.NONE);
                assertThat(report.sound()).isFalse();
                assertThat(report.damaged()).extracting(BackupVerifier.Damaged::part).containsExactly(part.name());
                Path target = dir.resolve("restored-" + part.name().replace('/', '-'));
                assertThatThrownBy(() -> new BackupRestorer(Clock.systemUTC()).restore(damaged, TestStores.h2(target), unlock,
                        false, ProgressListener.NONE)).isInstanceOfSatisfying(BackupException.class, e -> {
                            assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED);
                            assertThat(e.getMessage()).contains(part.name());
                        });
                assertThat(target).doesNotExist();
            }
        }
    }

    @Test
    void anAlteredManifestIsCaughtByItsOwnChecksum() throws IOException {
        Path altered = rewrite(good, BackupManifest.NAME, (name, bytes) -> name.equals(BackupManifest.NAME)
                ? new String(bytes, StandardCharsets.UTF_8).replaceFirst("\"rows\" : \\d+", "\"rows\" : 1").getBytes(StandardCharsets.UTF_8)
                : bytes);
        assertThatThrownBy(() -> BackupVerifier.manifest(altered)).isInstanceOfSatisfying(BackupException.class, e -> {
            assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED);
            assertThat(e.part()).isEqualTo(BackupManifest.NAME);
        });
    }

    @Test
    void aCutOffFileAndAFileWithoutManifestAreNoBackups() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path cut = dir.resolve("cut.odbackup");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        assertThatThrownBy(() -> new BackupVerifier(Clock.systemUTC()).verify(cut, BackupKey.Unlock.NONE, ProgressListener.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackupException.Reason.DAMAGED);
                    assertThat(e.getMessage()).contains("cut off or damaged");
                });
        // what a backup killed before its end leaves: the parts but no manifest
        Path partial = rewrite(good, null, (name, content) -> name.startsWith("manifest") ? null : content);
        assertThatThrownBy(() -> new BackupVerifier(Clock.systemUTC()).verify(partial, BackupKey.Unlock.NONE, ProgressListener.NONE))
                .isInstanceOfSatisfying(BackupException.class, e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.NOT_A_BACKUP));
    }

    @Test
    void aBackupFromANewerSchemaOrFormatIsRefusedWithTheVersionToInstall() throws IOException {
        Path newerSchema = withManifest(good, json -> json.replaceFirst("\"schemaVersion\" : \"[^\"]+\"", "\"schemaVersion\" : \"999\""));
        assertThatThrownBy(() -> new BackupRestorer(Clock.systemUTC()).restore(newerSchema, TestStores.h2(dir.resolve("n1")),
                BackupKey.Unlock.NONE, false, ProgressListener.NONE)).isInstanceOfSatisfying(BackupException.class, e -> {
                    assertThat(e.reason()).isEqualTo(BackupException.Reason.NEWER);
                    assertThat(e.getMessage()).contains("schema version 999").contains("or newer");
                });
        Path newerFormat = withManifest(good, json -> json.replaceFirst("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertThatThrownBy(() -> BackupVerifier.manifest(newerFormat)).isInstanceOfSatisfying(BackupException.class,
                e -> assertThat(e.reason()).isEqualTo(BackupException.Reason.NEWER));
    }

    @Test
    void aPassphraseBackupHoldsNoReadableText() throws IOException {
        String raw = new String(Files.readAllBytes(sealed), StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("dr_").doesNotContain("AUDIT_CHAIN");
    }

    /** A copy with the manifest edited and its checksum made to match, as a newer program would write it. */
    private static Path withManifest(Path backup, java.util.function.UnaryOperator<String> edit) throws IOException {
        byte[][] manifest = new byte[1][];
        return rewrite(backup, "m", (name, bytes) -> {
            if (name.equals(BackupManifest.NAME)) {
                manifest[0] = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                return manifest[0];
            }
            if (name.equals(BackupWriter.MANIFEST_SUM)) return BackupWriter.sha256(manifest[0]).getBytes(StandardCharsets.US_ASCII);
            return bytes;
        });
    }

    /** A copy of the zip with each entry's content passed through the edit (null drops the entry). */
    private static Path rewrite(Path backup, String tag, BiFunction<String, byte[], byte[]> edit) throws IOException {
        Path copy = Files.createTempFile(dir, "copy", ".odbackup");
        try (ZipFile in = new ZipFile(backup.toFile()); OutputStream raw = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(raw)) {
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                byte[] edited = edit.apply(entry.getName(), bytes);
                if (edited == null) continue;
                out.putNextEntry(new ZipEntry(entry.getName()));
                out.write(edited);
                out.closeEntry();
            }
        }
        return copy;
    }
}
