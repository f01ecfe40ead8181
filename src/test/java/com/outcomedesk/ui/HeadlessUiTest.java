package com.outcomedesk.ui;

import com.outcomedesk.common.Actor;
import com.outcomedesk.engine.Engine;
import com.outcomedesk.testing.NeedsFxToolkit;
import com.outcomedesk.testing.TestStores;
import com.outcomedesk.ui.shell.Shell;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * What every TestFX test shares. The toolkit runs headless (Monocle, chosen in the pom's surefire argLine) with a
 * set-up timeout a busy machine needs; each test gets a folder and so a store of its own, its window built afresh
 * in the toolkit's one stage, the FX stall watchdog, and after it the window's work stopped before its store closes
 * (a read of the old window failing on a closed store would otherwise show an error dialog in the next test).
 * TestFX's ApplicationExtension only calls a {@code @Start} method the test class itself declares, so the stage is
 * set up here in {@code @BeforeEach}.
 */
@NeedsFxToolkit
abstract class HeadlessUiTest {
    static {
        System.setProperty("testfx.setup.timeout", "120000");
    }

    /** This test's own folder: its store and any file it writes. */
    @TempDir protected Path dir;
    protected final FxRobot robot = new FxRobot();
    private final List<Shell> shells = new ArrayList<>();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private FxStallWatchdog watchdog;

    /** The store and data the test starts from, made on the test thread before the window opens. */
    protected void prepare() throws Exception {
    }

    /** Builds what the test drives into the stage, on the FX thread. */
    protected abstract void start(Stage stage) throws Exception;

    /** Whether engine work of more than 100 ms on the FX thread fails the test. */
    protected boolean watchesForStalls() {
        return true;
    }

    @BeforeEach
    final void openWindow() throws Exception {
        prepare();
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            try {
                start(stage);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        if (watchesForStalls()) watchdog = new FxStallWatchdog();
    }

    @AfterEach
    final void stopWorkThenCloseStores() throws Exception {
        try {
            if (watchdog != null) FxSteps.assertNoEngineStall(watchdog);
        } finally {
            WaitForAsyncUtils.asyncFx(() -> shells.forEach(s -> s.stop(Shell.STOP_BOUND))).get();
            for (AutoCloseable c : closing) c.close();
        }
    }

    /** A new, empty H2 store in this test's folder, closed after the test. */
    protected Engine openStore() {
        return closedAfterTest(Engine.open(TestStores.h2(dir.resolve("store"))));
    }

    /** Closes the store (an engine, a signed-in session) after the test, once the windows' work has stopped. */
    protected <T extends AutoCloseable> T closedAfterTest(T store) {
        closing.add(store);
        return store;
    }

    /** The real main window on the engine's store, signed in as the local user; its work is stopped after the test. */
    protected Shell showMainWindow(Engine engine, Stage stage) {
        return showMainWindow(engine, stage, Actor.localUser());
    }

    protected Shell showMainWindow(Engine engine, Stage stage, Actor actor) {
        return stoppedAfterTest(FxSteps.showMainWindow(engine, stage, actor));
    }

    /** Stops the shell's background work after the test, before the stores close. */
    protected Shell stoppedAfterTest(Shell shell) {
        shells.add(shell);
        return shell;
    }
}
