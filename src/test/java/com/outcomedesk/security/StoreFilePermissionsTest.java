package com.outcomedesk.security;

import com.outcomedesk.store.StoreFiles;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.Logs;
import com.outcomedesk.testing.TestStores;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Other local users can neither read nor list the store: directory 0700, files 0600, whatever the umask. */
class StoreFilePermissionsTest {
    static final char[] PW = "correct horse battery".toCharArray();
    @TempDir Path dir;

    @BeforeEach
    void posixOnly() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    }

    @Test
    void aNewStoreAndItsKeyringSecretsAndBackupAreOwnerOnly() throws Exception {
        Path home = dir.resolve("new-home");
        StoreLocation location = TestStores.h2(home);
        assertThat(SignIn.hasAccounts(location)).isFalse();
        assertThat(mode(home)).as("made by the first look at the store").isEqualTo("rwx------");
        SignIn.initialize(location, "alice", PW);
        Path backup = dir.resolve("backup.zip");
        try (SignIn.Session s = SignIn.signIn(location, "alice", PW)) {
            s.engine().sync().configure("jdbc:postgresql://db.clinic.local:5432/outcomedesk", "desk", "pw", s.actor());
            s.engine().backup().backup(backup, s.actor(), null, false, ProgressListener.NONE);
        }
        Map<String, String> modes = modes(home);
        assertThat(modes).containsKeys("outcome-desk.mv.db", "outcome-desk.keyring", "outcome-desk.keyring.lock",
                "outcome-desk.secrets");
        assertThat(modes.values()).containsOnly("rw-------");
        assertThat(mode(backup)).as("a whole-store backup").isEqualTo("rw-------");
    }

    @Test
    void aStoreAnOlderVersionLeftReadableIsTightenedWhenOpened() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        Engine.open(location).close();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path trace = dir.resolve("outcome-desk.trace.db");
        Files.writeString(trace, "statement text");
        for (Path f : modes(dir).keySet().stream().map(dir::resolve).toList()) {
            Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
        }
        Path unrelated = dir.resolve("notes.txt");
        Files.writeString(unrelated, "not the store's");

        assertThat(warningsWhenOpening(location)).singleElement().asString()
                .matches("The store's directory or files were readable by other users of this computer; \\d+ of them "
                        + "are now readable by their owner only");
        assertThat(mode(dir)).isEqualTo("rwx------");
        assertThat(modes(dir)).containsKey("outcome-desk.trace.db").doesNotContainKey("notes.txt");
        assertThat(modes(dir).values()).containsOnly("rw-------");
        assertThat(mode(unrelated)).as("not the store's file").isEqualTo("rw-r--r--");
    }

    @Test
    void aNewStoreOpenedAgainHasNothingToTighten() throws Exception {
        StoreLocation location = TestStores.h2(dir.resolve("fresh"));
        Engine.open(location).close();
        assertThat(modes(dir.resolve("fresh"))).as("no failed query left H2's trace file behind the first open")
                .doesNotContainKey("outcome-desk.trace.db");
        assertThat(warningsWhenOpening(location)).isEmpty();
    }

    private static java.util.List<String> warningsWhenOpening(StoreLocation location) throws Exception {
        return Logs.during(StoreFiles.class, () -> Engine.open(location).close());
    }

    private static Map<String, String> modes(Path home) throws IOException {
        Map<String, String> modes = new TreeMap<>();
        try (Stream<Path> files = Files.list(home)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("outcome-desk")).toList()) {
                modes.put(f.getFileName().toString(), mode(f));
            }
        }
        return modes;
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
