package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the data lives when no --home is given: the variable, an old home, else the platform's usual place. */
class DefaultHomeTest {
    @TempDir
    Path user;

    @Test
    void theVariableWinsOverEverything() throws IOException {
        Files.createDirectories(user.resolve(".outcome-desk"));
        assertThat(DefaultHome.resolve(Map.of("OUTCOMEDESK_HOME", "/srv/desk"), "Linux", user)).isEqualTo(Path.of("/srv/desk"));
    }

    @Test
    void anExistingHomeFromBeforeInstallersKeepsBeingUsedOnEveryPlatform() throws IOException {
        Path legacy = Files.createDirectories(user.resolve(".outcome-desk"));
        for (String os : new String[] {"Linux", "Windows 11", "Mac OS X"}) {
            assertThat(DefaultHome.resolve(Map.of("LOCALAPPDATA", "C:\\Users\\a\\AppData\\Local"), os, user)).isEqualTo(legacy);
        }
    }

    @Test
    void aNewUserGetsThePlatformsPlace() {
        assertThat(DefaultHome.resolve(Map.of(), "Linux", user)).isEqualTo(user.resolve(".local/share/outcome-desk"));
        assertThat(DefaultHome.resolve(Map.of("XDG_DATA_HOME", "/data/a"), "Linux", user)).isEqualTo(Path.of("/data/a/outcome-desk"));
        assertThat(DefaultHome.resolve(Map.of("XDG_DATA_HOME", "relative"), "Linux", user))
                .isEqualTo(user.resolve(".local/share/outcome-desk"));
        assertThat(DefaultHome.resolve(Map.of(), "Mac OS X", user)).isEqualTo(user.resolve("Library/Application Support/OutcomeDesk"));
        assertThat(DefaultHome.resolve(Map.of("LOCALAPPDATA", user.resolve("Local").toString()), "Windows 10", user))
                .isEqualTo(user.resolve("Local").resolve("OutcomeDesk"));
        assertThat(DefaultHome.resolve(Map.of(), "Windows 10", user)).isEqualTo(user.resolve("AppData/Local/OutcomeDesk"));
    }

    @Test
    void aFileNamedLikeTheOldHomeIsNotAHome() throws IOException {
        Files.writeString(user.resolve(".outcome-desk"), "not a directory");
        assertThat(DefaultHome.resolve(Map.of("OUTCOMEDESK_HOME", " "), "Linux", user)).isEqualTo(user.resolve(".local/share/outcome-desk"));
    }
}
