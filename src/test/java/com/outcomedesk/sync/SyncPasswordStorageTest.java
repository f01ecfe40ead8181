package com.outcomedesk.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.engine.SignIn;
import com.outcomedesk.common.Actor;
import com.outcomedesk.security.StoreSecrets;
import com.outcomedesk.store.StoreLocation;
import com.outcomedesk.testing.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sync server's password is kept among the store's secrets, never in its settings table. */
class SyncPasswordStorageTest {
    static final String URL = "jdbc:postgresql://db.clinic.local:5432/outcomedesk";
    static final String SECRET = "sync-pw-7Qx9-never-in-the-database";
    static final Actor ADMIN = Actor.localUser();
    @TempDir Path dir;

    @Test
    void theDatabaseFilesNeverHoldThePasswordAndItSurvivesAReopen() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        try (Engine engine = Engine.open(location)) {
            engine.sync().configure(URL, "desk", SECRET, ADMIN);
            assertThat(engine.settings().get(SyncService.PASSWORD)).isEmpty();
            assertThat(engine.sync().passwordSealed()).isFalse();
        }
        assertThat(databaseFilesContain(SECRET)).as("password in the database files").isFalse();
        try (Engine engine = Engine.open(location)) {
            assertThat(engine.sync().config().orElseThrow().password()).isEqualTo(SECRET);
            engine.sync().configure(URL, "desk", null, ADMIN);
            assertThat(engine.sync().config().orElseThrow().password()).isNull();
        }
    }

    @Test
    void aPasswordAnOlderVersionKeptInTheSettingsMovesToTheSecretsAtTheNextOpen() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        try (Engine engine = Engine.open(location)) {
            engine.settings().put(SyncService.URL, URL);
            engine.settings().put(SyncService.PASSWORD, SECRET);
        }
        try (Engine engine = Engine.open(location)) {
            assertThat(engine.settings().get(SyncService.PASSWORD)).as("left the settings table").isEmpty();
            assertThat(engine.sync().config().orElseThrow().password()).isEqualTo(SECRET);
        }
        assertThat(StoreSecrets.of(location).secret(SyncService.PASSWORD)).contains(SECRET);
    }

    @Test
    void anEncryptedStoreSealsThePasswordUnderItsDataKey() throws Exception {
        StoreLocation location = TestStores.h2(dir);
        char[] pw = "correct horse battery".toCharArray();
        SignIn.initialize(location, "alice", pw);
        try (SignIn.Session s = SignIn.signIn(location, "alice", pw)) {
            s.engine().sync().configure(URL, "desk", SECRET, s.actor());
            assertThat(s.engine().sync().passwordSealed()).isTrue();
        }
        String base64 = Base64.getEncoder().encodeToString(SECRET.getBytes(StandardCharsets.UTF_8));
        assertThat(databaseFilesContain(SECRET) || databaseFilesContain(base64)).isFalse();
        try (SignIn.Session s = SignIn.signIn(location, "alice", pw)) {
            assertThat(s.engine().sync().config().orElseThrow().password()).isEqualTo(SECRET);
        }
    }

    private boolean databaseFilesContain(String text) throws Exception {
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1).contains(text)) return true;
            }
        }
        return false;
    }
}
