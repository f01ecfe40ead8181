package com.outcomedesk.ui.appointments;

import com.outcomedesk.appointments.AppointmentService;
import com.outcomedesk.ui.support.Background;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the store holds, read once for the status bar and the unfiltered appointment list alike, so the two never
 * disagree: both show the totals of the same read, and both refresh when a new read lands (after an import, a
 * cancelled import, a sync, an edit). Only the latest read is shown, should two overtake each other.
 */
public final class StoreCounts {
    private final AppointmentService service;
    private final Background background;
    private final Consumer<Throwable> onFailure;
    private final ReadOnlyObjectWrapper<AppointmentService.Totals> totals = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper version = new ReadOnlyIntegerWrapper();
    private int requested;

    public StoreCounts(AppointmentService service, Background background, Consumer<Throwable> onFailure) {
        this.service = service;
        this.background = background;
        this.onFailure = onFailure;
    }

    /** Reads the totals again; when they land, {@link #versionProperty()} moves on (even if they are unchanged). */
    public void refresh() {
        int mine = ++requested;
        background.load(p -> service.totals(), t -> {
            if (mine != requested) return;
            totals.set(t);
            version.set(version.get() + 1);
        }, failure -> {
            if (mine == requested) onFailure.accept(failure);
        });
    }

    /** The latest totals; null until the first read lands. */
    public ReadOnlyObjectProperty<AppointmentService.Totals> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    /** Moves on with every read that lands: listen to it to refresh with the store. */
    public ReadOnlyIntegerProperty versionProperty() {
        return version.getReadOnlyProperty();
    }
}
