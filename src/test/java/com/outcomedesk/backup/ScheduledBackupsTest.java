package com.outcomedesk.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScheduledBackupsTest {
    @TempDir Path dir;

    @Test
    void aBackupIsMadeOnceADayAfterItsTimeAndOldOnesArePruned() throws Exception {
        Path target = dir.resolve("backups");
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")), clock)) {
            new BackupSchedule(LocalTime.of(2, 0), target, 2, 0).save(engine.settings(), engine.audit(), BackupFill.ADMIN);
            assertThat(schedule(engine, "2026-03-02T01:59:00Z").runIfDue()).as("before the time, none made yet").isPresent();
            assertThat(schedule(engine, "2026-03-02T01:59:30Z").runIfDue()).as("yesterday's is made").isEmpty();
            assertThat(schedule(engine, "2026-03-02T02:01:00Z").runIfDue()).as("today's").isPresent();
            assertThat(schedule(engine, "2026-03-02T09:00:00Z").runIfDue()).as("once a day").isEmpty();
            assertThat(schedule(engine, "2026-03-03T02:00:00Z").runIfDue()).isPresent();
            assertThat(files(target)).hasSize(2).allMatch(n -> n.startsWith("scheduled-2026030"))
                    .contains("scheduled-20260303-020000.odbackup");
            assertThat(engine.backup().last().orElseThrow().file()).endsWith("scheduled-20260303-020000.odbackup");
        }
    }

    @Test
    void retentionKeepsTheNewestAndOneAWeek() {
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 31, 3, 0, 0, 0, ZoneOffset.UTC);
        List<Retention.Kept> daily = new ArrayList<>();
        for (int d = 0; d < 60; d++) daily.add(new Retention.Kept("b" + d, now.minusDays(d)));
        List<Retention.Kept> deleted = Retention.toDelete(daily, 7, 4, now);
        List<Retention.Kept> kept = daily.stream().filter(b -> !deleted.contains(b)).toList();
        assertThat(kept).extracting(Retention.Kept::name).contains("b0", "b1", "b2", "b3", "b4", "b5", "b6");
        assertThat(kept).allMatch(b -> !b.at().isBefore(now.minusWeeks(4).minusDays(7)));
        assertThat(kept.size()).isBetween(9, 12);
        assertThat(Retention.toDelete(daily, 60, 0, now)).isEmpty();
    }

    /** The engine's clock (which stamps each backup) and the schedule's read the same moment. */
    private final MovingClock clock = new MovingClock();

    private ScheduledBackups schedule(Engine engine, String at) {
        clock.now = Instant.parse(at);
        return new ScheduledBackups(engine.backup(), engine.settings(), clock);
    }

    private static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-03-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private static List<String> files(Path d) throws Exception {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(p -> p.getFileName().toString()).toList();
        }
    }
}
