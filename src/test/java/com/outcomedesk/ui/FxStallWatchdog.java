package com.outcomedesk.ui;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javafx.application.Platform;

/**
 * Measures how long the FX thread is unavailable. Every few milliseconds it posts a ticket to the FX
 * thread and records how late the ticket runs (any stall, painting included), and it samples the FX
 * thread's stack to time stretches spent in engine code (the store, Hibernate, JDBC), which must stay short.
 */
public final class FxStallWatchdog implements AutoCloseable {
    private final AtomicLong worstNanos = new AtomicLong();
    private final AtomicLong worstEngineNanos = new AtomicLong();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;
    private volatile String worstEngineStack = "";

    public FxStallWatchdog() {
        thread = new Thread(this::watch, "fx-stall-watchdog");
        thread.setDaemon(true);
        thread.start();
    }

    private void watch() {
        Thread fx = fxThread();
        AtomicBoolean answered = new AtomicBoolean(true);
        AtomicLong posted = new AtomicLong();
        long engineSince = -1;
        while (running.get()) {
            long now = System.nanoTime();
            if (answered.get()) {
                answered.set(false);
                posted.set(now);
                Platform.runLater(() -> {
                    worstNanos.accumulateAndGet(System.nanoTime() - posted.get(), Math::max);
                    answered.set(true);
                });
            } else {
                worstNanos.accumulateAndGet(now - posted.get(), Math::max);
            }
            StackTraceElement[] stack = fx == null ? new StackTraceElement[0] : fx.getStackTrace();
            if (inEngine(stack)) {
                if (engineSince < 0) engineSince = now;
                long engine = now - engineSince;
                if (engine > worstEngineNanos.get()) {
                    worstEngineNanos.set(engine);
                    worstEngineStack = format(stack);
                }
            } else {
                engineSince = -1;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Engine work: database access, or engine classes other than records (plain data the UI may compare). */
    private static boolean inEngine(StackTraceElement[] stack) {
        for (StackTraceElement e : stack) {
            String c = e.getClassName();
            if (c.startsWith("org.hibernate.") || c.startsWith("org.h2.") || c.startsWith("org.postgresql.")
                    || c.startsWith("com.zaxxer.") || c.startsWith("java.sql.") || c.startsWith("smile.")) {
                return true;
            }
            if (c.startsWith("com.outcomedesk.") && !c.startsWith("com.outcomedesk.ui.") && !isRecord(c)) return true;
        }
        return false;
    }

    private static boolean isRecord(String className) {
        try {
            return Class.forName(className, false, FxStallWatchdog.class.getClassLoader()).isRecord();
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    private static Thread fxThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("JavaFX Application Thread")) return t;
        }
        return null;
    }

    private static String format(StackTraceElement[] stack) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(30, stack.length); i++) s.append("  ").append(stack[i]).append('\n');
        return s.toString();
    }

    /** The longest the FX thread did not answer, for any reason (painting on a busy machine included). */
    public long worstMillis() {
        return worstNanos.get() / 1_000_000;
    }

    /** The longest stretch the FX thread spent in engine code. */
    public long worstEngineMillis() {
        return worstEngineNanos.get() / 1_000_000;
    }

    public String worstEngineStack() {
        return worstEngineStack;
    }

    /** What the UI tests print after each test, so a slow FX thread shows in the build log. */
    public String report() {
        return String.format("FX thread: worst stall %d ms (any cause), worst stretch in engine code %d ms%n%s",
                worstMillis(), worstEngineMillis(), worstEngineStack);
    }

    @Override
    public void close() {
        running.set(false);
        thread.interrupt();
    }
}
