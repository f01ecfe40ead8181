package com.outcomedesk.store;

/**
 * The order of an appointment read. Each column has an index that leads with it and ends like the newest-first one
 * (created_at DESC, id DESC, deleted), so a page in either direction is read off an index without sorting; the
 * descending order is the ascending one exactly reversed, which H2 and PostgreSQL read from the same index backwards.
 */
public record AppointmentOrder(Column column, boolean descending) {
    /** The order of idx_appointments_created, so H2 reads pages straight off the index. */
    public static final AppointmentOrder NEWEST_FIRST = new AppointmentOrder(Column.CREATED, true);

    public enum Column {
        CREATED("a.createdAt"), DATE("a.appointmentDate"), DOCTOR("a.doctorId"), PATIENT("a.patientRef"),
        CATEGORY("a.outcomeCategory");

        private final String path;

        Column(String path) {
            this.path = path;
        }
    }

    /** The JPQL order clause; rows with the same key come newest first (oldest first when descending). */
    String orderBy() {
        if (column == Column.CREATED) {
            return descending ? " order by a.createdAt desc, a.id desc" : " order by a.createdAt asc, a.id asc";
        }
        return descending ? " order by " + column.path + " desc, a.createdAt asc, a.id asc"
                : " order by " + column.path + " asc, a.createdAt desc, a.id desc";
    }
}
