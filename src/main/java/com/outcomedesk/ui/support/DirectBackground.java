package com.outcomedesk.ui.support;

import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** Runs work at once on the calling thread: for ViewModel tests and command-line tools without a screen. */
public final class DirectBackground implements Background {
    private final SimpleBooleanProperty busy = new SimpleBooleanProperty(false);

    @Override
    public ReadOnlyBooleanProperty busyProperty() {
        return busy;
    }

    @Override
    public <T> void run(String title, Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        load(job, onSuccess, onFailure);
    }

    @Override
    public <T> void load(Job<T> job, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
        T result;
        try {
            result = job.call((stage, done, total) -> { });
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onSuccess.accept(result);
    }
}
