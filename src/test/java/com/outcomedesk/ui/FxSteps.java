package com.outcomedesk.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.DialogPane;
import javafx.stage.Window;
import org.testfx.util.WaitForAsyncUtils;

/** Waiting and dialog look-ups shared by the headless UI tests. */
final class FxSteps {
    private FxSteps() {
    }

    /** Waits up to a minute for the condition, then for the FX events it set off. */
    static void waitFor(Callable<Boolean> condition) throws Exception {
        waitFor(60, condition);
    }

    static void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The pane of a showing dialog, or null. */
    static DialogPane dialog() {
        for (Window w : Window.getWindows()) {
            // ControlsFX validation wraps a form's root in a decoration pane, so look the dialog pane up.
            if (w.isShowing() && w.getScene() != null && w.getScene().lookup(".dialog-pane") instanceof DialogPane pane) return pane;
        }
        return null;
    }

    /** The real main window on the engine's store at 1280x800, started as the app starts it. */
    static com.outcomedesk.ui.shell.Shell showMainWindow(com.outcomedesk.engine.Engine engine, javafx.stage.Stage stage) {
        return showMainWindow(engine, stage, com.outcomedesk.common.Actor.localUser());
    }

    /** The same, signed in as the given user (e.g. a clinician). */
    static com.outcomedesk.ui.shell.Shell showMainWindow(com.outcomedesk.engine.Engine engine, javafx.stage.Stage stage,
                                                        com.outcomedesk.common.Actor actor) {
        // The toolkit outlives each UI test class: a dialog an earlier one left open must not count as this one's.
        for (Window w : new java.util.ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing()) w.hide();
        }
        com.outcomedesk.ui.shell.Shell shell = com.outcomedesk.ui.shell.Shell.build(engine, actor, stage);
        javafx.scene.Scene scene = new javafx.scene.Scene(shell.root(), 1280, 800);
        scene.getStylesheets().add(DesktopApp.class.getResource(DesktopApp.STYLESHEET).toExternalForm());
        stage.setScene(scene);
        // The toolkit's one primary stage serves every UI test class: undo a size an earlier class set.
        stage.sizeToScene();
        stage.show();
        shell.start();
        return shell;
    }

    /** Stops the watchdog, prints its report and fails if engine work ran on the FX thread for 100 ms or more. */
    static void assertNoEngineStall(FxStallWatchdog watchdog) {
        watchdog.close();
        System.out.print(watchdog.report());
        org.assertj.core.api.Assertions.assertThat(watchdog.worstEngineMillis())
                .as("longest FX-thread stretch in engine code (ms)").isLessThan(100);
    }
}
