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
}
