package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshSiblingTest {
    @TempDir Path dir;

    @Test
    void twoRestoresInOneSecondGetTwoDirectories() throws Exception {
        Clock fixed = Clock.fixed(Instant.parse("2026-12-01T10:15:30Z"), ZoneOffset.UTC);
        Path home = dir.resolve("home");
        Path first = BackupRestorer.freshSibling(home, "-restored-", fixed);
        assertThat(first.getFileName().toString()).isEqualTo("home-restored-20261201-101530");
        Files.createDirectories(first);
        Path second = BackupRestorer.freshSibling(home, "-restored-", fixed);
        assertThat(second.getFileName().toString()).isEqualTo("home-restored-20261201-101530-2");
        Files.createDirectories(second);
        assertThat(BackupRestorer.freshSibling(home, "-restored-", fixed).getFileName().toString()).endsWith("-3");
    }
}
