package com.outcomedesk.appointments;

/**
 * The order of the appointment list. Each key has an index that leads with it and ends like the newest-first one
 * (created_at DESC, id DESC, deleted), so a page in either direction is read off an index without sorting; the
 * descending order is the ascending one exactly reversed, which H2 and PostgreSQL read from the same index backwards.
 */
public record AppointmentSort(Key key, boolean descending) {
    public static final AppointmentSort NEWEST_FIRST = new AppointmentSort(Key.CREATED, true);

    public enum Key {
        CREATED("a.createdAt"), DATE("a.appointmentDate"), DOCTOR("a.doctorId"), PATIENT("a.patientRef"),
        CATEGORY("a.outcomeCategory");

        private final String path;

        Key(String path) {
            this.path = path;
        }
    }

    /** The JPQL order clause; rows with the same key come newest first (oldest first when descending). */
    String orderBy() {
        if (key == Key.CREATED) {
            return descending ? " order by a.createdAt desc, a.id desc" : " order by a.createdAt asc, a.id asc";
        }
        return descending ? " order by " + key.path + " desc, a.createdAt asc, a.id asc"
                : " order by " + key.path + " asc, a.createdAt desc, a.id desc";
    }
}
