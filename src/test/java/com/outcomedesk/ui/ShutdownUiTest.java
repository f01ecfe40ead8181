package com.outcomedesk.ui;

import static com.outcomedesk.ui.FxSteps.dialog;
import static com.outcomedesk.ui.FxSteps.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import com.outcomedesk.engine.Engine;
import com.outcomedesk.common.Actor;
import com.outcomedesk.common.Role;
import com.outcomedesk.testing.NeedsPostgres;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.shell.Shell;
import com.outcomedesk.ui.support.FxBackground;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Cancelling and quitting while work and a sync run, as a user does it: Cancel in the status bar, then Ctrl+Q
 * during a demo load on a store with sync configured. The work stops, the store closes after it, and no
 * dialog reports an error caused by the closing.
 */
@NeedsPostgres
class ShutdownUiTest extends HeadlessUiTest {
    Engine engine;
    Shell shell;
    String schema;
    final List<Throwable> uncaught = new CopyOnWriteArrayList<>();

    /**
     * After the test, in this order: the window's work stops, the store closes (again, harmlessly, where the test
     * quit), then the server schema drops; an open store's sync would hold the schema and the drop would wait.
     */
    @Override
    protected void prepare() {
        schema = TestStores.createPostgresSchema();
        engine = closedAfterTest(Engine.open(TestStores.h2(dir.resolve("store"))));
        closedAfterTest(() -> TestStores.dropPostgresSchema(schema));
        engine.sync().configure(TestStores.PG_URL + "?currentSchema=" + schema, TestStores.PG_USER, "",
                new Actor("admin", Role.ADMINISTRATOR));
    }

    @Override
    protected void start(Stage stage) {
        shell = showMainWindow(engine, stage);
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> uncaught.add(e));
    }

    @Override
    protected boolean watchesForStalls() {
        return false;
    }

    @AfterEach
    void cleanUp() {
        Thread.setDefaultUncaughtExceptionHandler(null);
    }

    @Test
    void cancelKeepsTheStoreUsableAndQuittingDuringALoadStopsTheWorkThenClosesTheStoreWithoutErrors()
            throws Exception {
        robot.interact(() -> {
            shell.model().dismissWelcome();
            shell.model().demoSizeProperty().set(100_000);
            shell.model().loadDemoData();
        });
        waitFor(120, () -> statusText(robot).startsWith("Importing"));
        robot.clickOn(shell.root().lookup("#cancelButton"));
        waitFor(120, () -> dialog() != null);
        assertThat(((Labeled) dialog().getContent()).getText()).startsWith("Loading 100,000 demo records cancelled.");
        robot.clickOn("OK");
        waitFor(() -> dialog() == null);
        // Cancelling interrupts no thread, so the embedded database is still open and whole.
        long kept = engine.appointments().counts().appointments();
        assertThat(kept).isLessThan(100_000);

        AtomicLong stoppedAfterMs = new AtomicLong(-1);
        AtomicBoolean stoppedInTime = new AtomicBoolean();
        shell.model().setOnQuit(() -> {
            long t0 = System.nanoTime();
            stoppedInTime.set(shell.stop(Duration.ofSeconds(10)));
            engine.close();
            stoppedAfterMs.set((System.nanoTime() - t0) / 1_000_000);
        });
        robot.interact(() -> shell.model().loadDemoData());
        waitFor(120, () -> statusText(robot).startsWith("Importing"));
        robot.press(KeyCode.CONTROL).press(KeyCode.Q).release(KeyCode.Q).release(KeyCode.CONTROL);
        waitFor(30, () -> stoppedAfterMs.get() >= 0);
        Thread.sleep(1_000); // time for any late failure to surface
        WaitForAsyncUtils.waitForFxEvents();

        System.out.printf("shutdown during a 100,000-record load: work stopped and store closed in %d ms%n", stoppedAfterMs.get());
        assertThat(stoppedInTime).as("the work stopped within the bound").isTrue();
        assertThat(dialog()).as("no dialog about the closing").isNull();
        assertThat(uncaught).isEmpty();
        try (Engine reopened = Engine.open(TestStores.h2(dir.resolve("store")))) {
            assertThat(reopened.appointments().counts().appointments()).isBetween(kept, 100_000L);
        }
    }

    @Test
    void shutdownDropsTheCallbacksStartsNothingQueuedAndNeverInterruptsTheWork() throws Exception {
        FxBackground background = new FxBackground();
        List<String> called = new CopyOnWriteArrayList<>();
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean queuedRan = new AtomicBoolean();
        robot(() -> {
            background.run("Long work", p -> {
                try {
                    for (int i = 0; ; i++) {
                        p.progress("Step", i, -1);
                        Thread.sleep(5);
                    }
                } finally {
                    interrupted.set(Thread.currentThread().isInterrupted());
                }
            }, r -> called.add("success"), e -> called.add("failure"));
            background.run("Queued", p -> queuedRan.getAndSet(true), r -> called.add("queued"), e -> called.add("queued failure"));
        });
        waitFor(() -> background.busyProperty().get());
        Thread.sleep(100);

        List<Boolean> stopped = new ArrayList<>();
        robot(() -> stopped.add(background.shutdown(Duration.ofSeconds(5))));
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stopped).containsExactly(true);
        assertThat(interrupted).as("no interrupt reached the work").isFalse();
        assertThat(queuedRan).as("queued work did not start").isFalse();
        assertThat(called).as("no callback after shutdown").isEmpty();
    }

    private static void robot(Runnable action) throws Exception {
        WaitForAsyncUtils.asyncFx(action).get();
    }

    private String statusText(FxRobot robot) {
        return ((Label) shell.root().lookup("#workLabel")).getText();
    }
}
