package com.outcomedesk.ui.models;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.monitor.MonitorStream;
import com.outcomedesk.retrain.RetrainDecision;
import com.outcomedesk.testing.SettableClock;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.HeldBackground;
import com.outcomedesk.ui.ScriptedDialogs;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop runs the retraining policy when it is due, in the background, and says what it decided. */
class PolicyChecksTest {
    private static final Actor ADMIN = new Actor("admin", Role.ADMINISTRATOR);
    private static final Actor CLINICIAN = new Actor("nurse", Role.CLINICIAN);
    @TempDir Path dir;

    @Test
    void aScheduledPolicyRunsInTheBackgroundWhenDueAndNotBefore() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")), clock)) {
            MonitorStream.write(engine, dir, ADMIN, 4, 120, -1, 3);
            engine.retraining().set("mode", "schedule", ADMIN);
            engine.retraining().set("everyDays", "7", ADMIN);
            HeldBackground background = new HeldBackground();
            AtomicInteger changed = new AtomicInteger();
            // signed in as a clinician: the policy runs as its own actor, the administrator who set it
            RetrainingViewModel vm = new RetrainingViewModel(engine.retraining(), () -> CLINICIAN, background,
                    new ScriptedDialogs(), changed::incrementAndGet);

            vm.checkPolicy();
            assertThat(background.titles).singleElement().asString().startsWith("Retraining policy (schedule");
            assertThat(engine.retraining().decisions()).as("nothing ran outside the background").isEmpty();
            assertThat(vm.runningProperty().get()).isTrue();
            vm.checkPolicy();
            assertThat(background.titles).as("no second run while one is on its way").hasSize(1);
            background.release();
            assertThat(engine.retraining().decisions()).singleElement().satisfies(d -> {
                assertThat(d.outcome()).isEqualTo(RetrainDecision.Outcome.PROMOTED);
                assertThat(d.decidedBy()).isEqualTo("policy/admin");
            });
            assertThat(vm.policyRunTextProperty().get()).startsWith("Retraining policy: ").contains("promoted");
            assertThat(vm.decisions()).hasSize(1);
            assertThat(changed.get()).isEqualTo(1);

            clock.advance(Duration.ofDays(6));
            vm.checkPolicy();
            assertThat(background.titles).as("six days after a weekly run: not due").hasSize(1);
            clock.advance(Duration.ofDays(2));
            vm.checkPolicy();
            assertThat(background.titles).hasSize(2);
            background.release();
            assertThat(engine.retraining().decisions()).hasSize(2);
            assertThat(vm.decisions()).hasSize(2);
        }
    }

    @Test
    void aManualPolicyIsNeverRunByTheDesktop() throws Exception {
        SettableClock clock = new SettableClock(Instant.parse("2026-03-01T08:00:00Z"));
        try (Engine engine = Engine.open(TestStores.h2(dir.resolve("store")), clock)) {
            MonitorStream.write(engine, dir, ADMIN, 2, 120, -1, 4);
            HeldBackground background = new HeldBackground();
            RetrainingViewModel vm = new RetrainingViewModel(engine.retraining(), () -> ADMIN, background,
                    new ScriptedDialogs(), () -> { });
            vm.checkPolicy();
            clock.advance(Duration.ofDays(400));
            vm.checkPolicy();
            assertThat(background.titles).isEmpty();
            assertThat(engine.retraining().decisions()).isEmpty();
            assertThat(vm.policyRunTextProperty().get()).isEmpty();
        }
    }
}
