package com.outcomedesk.ui;

import com.outcomedesk.ui.support.Background;
import com.outcomedesk.ui.support.DirectBackground;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;

/** Holds long work until the test releases it, to check a ViewModel while its work is still running. */
public final class HeldBackground implements Background {
    private final DirectBackground direct = new DirectBackground();
    private final Deque<Runnable> held = new ArrayDeque<>();
    /** The titles of the long work started, in order. */
    public final List<String> titles = new ArrayList<>();

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        titles.add(title);
        held.add(() -> direct.run(title, job, onSuccess, onFailure));
    }

    @Override
    public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        direct.load(job, onSuccess, onFailure);
    }

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return direct.busyProperty();
    }

    /** Runs the held work in the order it was started. */
    public void release() {
        while (!held.isEmpty()) held.poll().run();
    }
}
