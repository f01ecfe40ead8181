package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What patient-history features read: the dated appointments of patients with a reference, in patient and date order,
 * either all of them in one forward-only pass (training, batch prediction) or one patient's before a date
 * (prediction). Both read only the columns of the V66 index. Deleted appointments and appointments without a date are
 * no one's history: they cannot be placed in time.
 */
public final class PatientVisits {
    private static final String VISITS = "FROM appointments WHERE deleted = FALSE AND patient_ref IS NOT NULL AND patient_ref <> '' AND appointment_date IS NOT NULL";
    private static final int FETCH = 10_000;
    private final Database database;

    public PatientVisits(Database database) {
        this.database = database;
    }

    /** One appointment of a patient; {@code category} is null while its outcome is not known. */
    @FunctionalInterface
    public interface VisitSink {
        void add(UUID id, String patientRef, LocalDate date, OutcomeCategory category);
    }

    /** One earlier appointment of a patient. */
    public record Visit(LocalDate date, OutcomeCategory category) {
    }

    /** Streams every dated appointment with a patient reference, ordered by patient reference, then date. */
    public void forEachInPatientOrder(VisitSink sink) {
        database.streaming(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT id, patient_ref, appointment_date, outcome_category " + VISITS
                    + " ORDER BY patient_ref, appointment_date", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                ps.setFetchSize(FETCH);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String category = rs.getString(4);
                        sink.add(rs.getObject(1, UUID.class), rs.getString(2), date(rs, 3),
                                category == null ? null : OutcomeCategory.fromCode(category));
                    }
                }
            }
            return null;
        });
    }

    /** The patient's appointments dated strictly before {@code date}, oldest first. */
    public List<Visit> before(String patientRef, LocalDate date) {
        return database.jdbi(h -> h.createQuery("SELECT appointment_date, outcome_category " + VISITS
                        + " AND patient_ref = :patient AND appointment_date < :date ORDER BY appointment_date")
                .bind("patient", patientRef).bind("date", date)
                .map((rs, ctx) -> {
                    String category = rs.getString(2);
                    return new Visit(date(rs, 1), category == null ? null : OutcomeCategory.fromCode(category));
                }).list());
    }

    private static LocalDate date(ResultSet rs, int column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}
