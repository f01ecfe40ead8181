package com.outcomedesk.appointments;

import com.outcomedesk.store.AppointmentOrder;

/**
 * The order of the appointment list: a key, ascending or descending; rows with the same key come newest first
 * (oldest first when descending). Each order is read off an index of its own (see {@link AppointmentOrder}).
 */
public record AppointmentSort(Key key, boolean descending) {
    public static final AppointmentSort NEWEST_FIRST = new AppointmentSort(Key.CREATED, true);

    public enum Key {
        CREATED(AppointmentOrder.Column.CREATED), DATE(AppointmentOrder.Column.DATE),
        DOCTOR(AppointmentOrder.Column.DOCTOR), PATIENT(AppointmentOrder.Column.PATIENT),
        CATEGORY(AppointmentOrder.Column.CATEGORY);

        private final AppointmentOrder.Column column;

        Key(AppointmentOrder.Column column) {
            this.column = column;
        }
    }

    /** The same order as the store takes it. */
    AppointmentOrder order() {
        return new AppointmentOrder(key.column, descending);
    }
}
