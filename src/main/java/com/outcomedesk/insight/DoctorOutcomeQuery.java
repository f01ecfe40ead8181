package com.outcomedesk.insight;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts each doctor's outcomes with one GROUP BY in the store (over idx_appointments_doctor_outcome),
 * so ranking never loads appointments: the result has one row per doctor and category.
 */
final class DoctorOutcomeQuery {
    static final String SQL = "SELECT doctor_id, outcome_category, COUNT(*) FROM appointments"
            + " WHERE deleted = FALSE AND outcome_category IS NOT NULL GROUP BY doctor_id, outcome_category";

    private DoctorOutcomeQuery() {
    }

    static List<DoctorOutcomes> run(Database database) {
        return database.withConnection(connection -> {
            Map<String, long[]> byDoctor = new TreeMap<>(); // doctor order, so sums are the same on every database
            try (PreparedStatement statement = connection.prepareStatement(SQL); ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    long[] counts = byDoctor.computeIfAbsent(rows.getString(1), k -> new long[OutcomeCategory.values().length]);
                    counts[OutcomeCategory.fromCode(rows.getString(2)).ordinal()] += rows.getLong(3);
                }
            }
            List<DoctorOutcomes> result = new ArrayList<>(byDoctor.size());
            byDoctor.forEach((doctor, counts) -> result.add(new DoctorOutcomes(doctor, counts)));
            return result;
        });
    }
}
