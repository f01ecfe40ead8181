package com.outcomedesk.ui.support;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence: a failure no code caught, on the FX thread or any other, shows one plain dialog and
 * goes to the log as its exception classes and stack frames only. Messages stay out of the log because they can
 * hold patient text (a date parser echoes what was typed into the field).
 */
public final class UncaughtFailures implements Thread.UncaughtExceptionHandler {
    static final String TITLE = "Something went wrong";
    static final String MESSAGE = "OutcomeDesk ran into a problem it did not expect and stopped that step. "
            + "What was saved before is kept.\n\nWhat to do: check what you entered and try again. If it happens again, "
            + "note what you were doing and tell your administrator; the details are in the log, without patient data.";
    private static final Logger LOG = LoggerFactory.getLogger(UncaughtFailures.class);

    private final Dialogs dialogs;
    private final BooleanSupplier closing;
    private final AtomicBoolean showing = new AtomicBoolean();

    UncaughtFailures(Dialogs dialogs, BooleanSupplier closing) {
        this.dialogs = dialogs;
        this.closing = closing;
    }

    /**
     * Handles uncaught failures on every thread from now on, the FX thread included.
     *
     * @param closing true while the app shuts down: failures its own closing causes are logged, not shown
     */
    public static UncaughtFailures install(Dialogs dialogs, BooleanSupplier closing) {
        UncaughtFailures handler = new UncaughtFailures(dialogs, closing);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        if (Platform.isFxApplicationThread()) Thread.currentThread().setUncaughtExceptionHandler(handler);
        else Platform.runLater(() -> Thread.currentThread().setUncaughtExceptionHandler(handler));
        return handler;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        LOG.error("Uncaught failure on thread {}{}{}", thread.getName(), System.lineSeparator(), withoutMessages(failure));
        if (closing.getAsBoolean() || !showing.compareAndSet(false, true)) return;
        // Later, not now: the failure may come from layout or an animation, where no dialog may open.
        Platform.runLater(() -> {
            try {
                if (!closing.getAsBoolean()) dialogs.error(TITLE, MESSAGE);
            } finally {
                showing.set(false);
            }
        });
    }

    /** The failure's exception classes and stack frames, cause by cause, without any message. */
    public static String withoutMessages(Throwable failure) {
        StringBuilder s = new StringBuilder();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = failure; t != null && seen.add(t); t = t.getCause()) {
            s.append(t == failure ? "" : "Caused by: ").append(t.getClass().getName()).append(System.lineSeparator());
            for (StackTraceElement frame : t.getStackTrace()) s.append("\tat ").append(frame).append(System.lineSeparator());
        }
        return s.toString();
    }
}
