package com.outcomedesk.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.appointments.AppointmentInput;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.TestStores;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A save the user was told had succeeded survives the process being killed at once afterwards. */
class KilledAfterSaveTest {
    private static final int SAVES = 5;
    @TempDir Path dir;

    /** The child process: saves appointments into the store at args[0], saying so after each, then waits. */
    public static void main(String[] args) throws InterruptedException {
        Engine engine = Engine.open(TestStores.h2(Path.of(args[0])));
        Actor actor = new Actor("clinician", Role.CLINICIAN);
        for (int i = 0; i < SAVES; i++) {
            engine.appointments().create(new AppointmentInput("dr_" + i, "Follow-up visit number " + i + " went well.",
                    null, null, null), actor);
            System.out.println("saved " + (i + 1));
        }
        Thread.sleep(60_000);
    }

    @Test
    void everyReportedSaveIsOnDiskWhenTheProcessIsKilledRightAfter() throws Exception {
        Path home = dir.resolve("store");
        try (Engine engine = Engine.open(TestStores.h2(home))) {
            assertThat(engine.appointments().counts().appointments()).isZero();
        }
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledAfterSaveTest.class.getName(), home.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("saved " + SAVES)) {
                // wait for the last save to be reported
            }
        }
        child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        try (Engine engine = Engine.open(TestStores.h2(home))) {
            assertThat(engine.appointments().counts().appointments()).isEqualTo(SAVES);
        }
    }
}
