package com.outcomedesk.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.ProgressListener;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.testing.SettableClock;
import java.time.Duration;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "no-backup" alert on a real store: raised once a day while backups are missing, acknowledged like the others, and
 * settled by the backup it asks for.
 */
class BackupAlertTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    @TempDir Path dir;
    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-01T10:00:00Z"));

    @Test
    void anOverdueBackupRaisesOneAlertADayUntilABackupIsMade() {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")), clock)) {
            assertThat(engine.monitor().checkBackups(ADMIN)).as("an empty store has nothing to back up").isFalse();
            engine.appointments().create(new AppointmentInput("dr_01", "sharp knee pain after a fall", LocalDate.of(2026, 2, 27), null, null), ADMIN);

            assertThat(engine.monitor().checkBackups(ADMIN)).isTrue();
            assertThat(engine.monitor().checkBackups(ADMIN)).as("once per day").isFalse();
            Alert raised = engine.monitor().alerts().get(0);
            assertThat(raised.rule()).isEqualTo("no-backup");
            assertThat(raised.period()).isEqualTo("2026-03-01");
            assertThat(engine.monitor().run(MonitorGrouping.MONTH, ADMIN).alerts()).as("a monitor run finds the same")
                    .filteredOn(a -> a.rule().equals("no-backup")).hasSize(1);
            engine.monitor().acknowledge(raised.id(), ADMIN);
            assertThat(engine.monitor().openAlerts()).isZero();

            clock.advance(Duration.ofDays(1));
            assertThat(engine.monitor().checkBackups(ADMIN)).as("still none the next day").isTrue();
            assertThat(engine.monitor().openAlerts()).isEqualTo(1);

            engine.backup().backup(dir.resolve("b.odbackup"), ADMIN, null, false, ProgressListener.NONE);
            assertThat(engine.monitor().checkBackups(ADMIN)).as("the backup settles the open alert").isTrue();
            assertThat(engine.monitor().openAlerts()).isZero();
            assertThat(engine.monitor().alerts().get(0).acknowledgedBy()).isEqualTo("the backup of 2026-03-02 10:00 UTC");
            assertThat(engine.monitor().alerts().get(1).acknowledgedBy()).as("acknowledged by a person before").isEqualTo("admin");
            assertThat(engine.auditLog().list(com.outcomedesk.audit.AuditQuery.ALL, ADMIN)).anySatisfy(e -> assertThat(e.action()).isEqualTo("monitor-alert-settled"));
            assertThat(engine.monitor().checkBackups(ADMIN)).as("nothing left to settle").isFalse();
            clock.advance(Duration.ofDays(1));
            assertThat(engine.monitor().checkBackups(ADMIN)).as("a backup one day old is recent enough").isFalse();
            clock.advance(Duration.ofDays(1));
            assertThat(engine.monitor().checkBackups(ADMIN)).as("two days without one").isTrue();
            assertThat(engine.monitor().alerts().get(0).message()).contains("since 2026-03-02");
        }
    }
    @Test
    void aBackupSettlesTheAlertsRaisedBeforeItWhateverTheThresholdIsNow() {
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("home")), clock)) {
            engine.appointments().create(new AppointmentInput("dr_01", "sharp knee pain after a fall", LocalDate.of(2026, 2, 27), null, null), ADMIN);
            engine.backup().backup(dir.resolve("old.odbackup"), ADMIN, null, false, ProgressListener.NONE);
            clock.advance(Duration.ofDays(3));
            assertThat(engine.monitor().checkBackups(ADMIN)).as("three days since the last backup").isTrue();

            engine.monitoringSettings().set("backupDays", "7", ADMIN);
            assertThat(engine.monitor().checkBackups(ADMIN)).as("a backup older than the alert does not answer it").isFalse();
            assertThat(engine.monitor().openAlerts()).isEqualTo(1);

            engine.monitoringSettings().set("backupDays", "0", ADMIN);
            clock.advance(Duration.ofHours(1));
            engine.backup().backup(dir.resolve("new.odbackup"), ADMIN, null, false, ProgressListener.NONE);
            assertThat(engine.monitor().checkBackups(ADMIN)).as("the rule is off, and the new backup still answers it").isTrue();
            assertThat(engine.monitor().openAlerts()).isZero();
        }
    }
    @Test
    void aBackupStandsWhenItsAlertCannotBeSettled() {
        Engine engine = Engine.open(TestStores.h2(dir.resolve("home")), clock);
        MonitorService monitor = engine.monitor();
        engine.close();
        assertThatThrownBy(() -> monitor.checkBackups(ADMIN)).as("the store is closed").isInstanceOf(RuntimeException.class);
        assertThatCode(() -> monitor.afterBackup(ADMIN)).as("after a backup: logged, not thrown").doesNotThrowAnyException();
    }
}
