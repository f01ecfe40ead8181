package com.outcomedesk.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Random;
import java.util.UUID;
import java.util.function.LongConsumer;

/**
 * Fills a throwaway store for {@code bench-monitor}: N appointments spread over the two years before a date, each with
 * its outcome and one saved prediction, written by batched JDBC inserts (not through the import, which would cost
 * minutes and measure something else). Outcomes follow the predicted probability, so the live AUC is meaningful.
 * The plain indexes are set aside while filling and built at the end, so the monitor reads what a real store holds.
 */
public final class MonitorBenchFill {
    private static final int BATCH = 1_000, COMMIT = 20_000, DOCTORS = 40, DAYS = 730;
    private static final String[] SYMPTOMS = {"headache", "fatigue", "cough", "fever", "dizziness", "back pain", "rash",
            "chest pain", "nausea", "insomnia"};
    private static final String[] CONDITIONS = {"hypertension", "diabetes", "asthma", "migraine", "arthritis", "anxiety"};
    private static final String[] PLANS = {"Review in 2 weeks.", "Follow up in 3 days.", "Review in 1 month.",
            "Blood test ordered, review in 10 days.", "Referred to cardiology.", "No follow-up needed."};
    private static final String APPOINTMENT = "INSERT INTO appointments (id, doctor_id, patient_ref, appointment_date, "
            + "summary, outcome_text, outcome_category, outcome_source, created_at, created_by, updated_at, updated_by, "
            + "site_id, row_version, hlc, deleted) VALUES (?, ?, ?, ?, ?, ?, ?, 'mapped', ?, 'bench', ?, 'bench', ?, 1, ?, FALSE)";
    private static final String PREDICTION = "INSERT INTO predictions (id, appointment_id, doctor_id, answered_by, label, "
            + "probability, category, risk_tier, latency_micros, created_at, created_by, site_id) "
            + "VALUES (?, ?, ?, 'model version 1', ?, ?, NULL, ?, 100, ?, 'bench', ?)";

    private final Database database;

    public MonitorBenchFill(Database database) {
        this.database = database;
    }

    /** Writes the rows, telling {@code written} the appointments so far after each commit. */
    public void fill(long records, long seed, LocalDate end, OffsetDateTime at, String siteId, LongConsumer written) {
        database.jdbcTransaction(c -> {
            doctors(c, at);
            // built once at the end, as a bulk import does: row by row, random keys make the fill take most of an hour
            SetAsideIndexes appointments = SetAsideIndexes.of(c, "appointments");
            SetAsideIndexes predictions = SetAsideIndexes.of(c, "predictions");
            Random random = new Random(seed);
            try (PreparedStatement a = c.prepareStatement(APPOINTMENT); PreparedStatement p = c.prepareStatement(PREDICTION)) {
                for (long i = 0; i < records; i++) {
                    add(a, p, i, random, end, at, siteId);
                    if ((i + 1) % BATCH == 0 || i + 1 == records) {
                        a.executeBatch();
                        p.executeBatch();
                    }
                    if ((i + 1) % COMMIT == 0 || i + 1 == records) {
                        c.commit();
                        written.accept(i + 1);
                    }
                }
            }
            appointments.restore();
            predictions.restore();
            return null;
        });
    }

    /**
     * What a day of use changes after the fill: {@code n} appointments get their outcome edited (worse and better swap)
     * and a second prediction each, so the next monitor run counts those again.
     */
    public void churn(long records, int n, long seed, OffsetDateTime at, String siteId) {
        database.jdbcTransaction(c -> {
            Random random = new Random(seed);
            try (PreparedStatement edit = c.prepareStatement("UPDATE appointments SET outcome_category = CASE "
                    + "WHEN outcome_category IN ('poor', 'critical') THEN 'good' ELSE 'poor' END, updated_at = ?, "
                    + "row_version = row_version + 1 WHERE id = ?");
                 PreparedStatement p = c.prepareStatement(PREDICTION)) {
                for (int i = 0; i < n; i++) {
                    long row = Math.floorMod(random.nextLong(), records);
                    UUID id = new UUID(0x6d6f6e69746f7200L, row);
                    edit.setObject(1, at);
                    edit.setObject(2, id);
                    edit.addBatch();
                    predict(p, UUID.randomUUID(), id, doctor(random.nextInt(DOCTORS)), random.nextDouble(), at, siteId);
                }
                edit.executeBatch();
                p.executeBatch();
            }
            return null;
        });
    }

    private static void doctors(Connection c, OffsetDateTime at) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO doctors (doctor_id, created_at) VALUES (?, ?)")) {
            for (int d = 0; d < DOCTORS; d++) {
                s.setString(1, doctor(d));
                s.setObject(2, at);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static void add(PreparedStatement a, PreparedStatement p, long i, Random random, LocalDate end,
                            OffsetDateTime at, String siteId) throws SQLException {
        UUID id = new UUID(0x6d6f6e69746f7200L, i);
        String doctor = doctor(random.nextInt(DOCTORS));
        double probability = random.nextDouble();
        boolean worse = random.nextDouble() < probability;
        String summary = "Patient seen for " + SYMPTOMS[random.nextInt(SYMPTOMS.length)] + " with known "
                + CONDITIONS[random.nextInt(CONDITIONS.length)] + ". " + PLANS[random.nextInt(PLANS.length)];
        a.setObject(1, id);
        a.setString(2, doctor);
        a.setString(3, "pt" + random.nextInt(200_000));
        a.setObject(4, end.minusDays(random.nextInt(DAYS)));
        a.setString(5, summary);
        a.setString(6, worse ? "Symptoms worsened despite intervention." : "Fully recovered.");
        a.setString(7, worse ? (random.nextBoolean() ? "poor" : "critical") : (random.nextBoolean() ? "good" : "excellent"));
        a.setObject(8, at);
        a.setObject(9, at);
        a.setString(10, siteId);
        a.setLong(11, i);
        a.addBatch();
        predict(p, new UUID(0x7072656469637400L, i), id, doctor, probability, at, siteId);
    }

    private static void predict(PreparedStatement p, UUID id, UUID appointment, String doctor, double probability,
                                OffsetDateTime at, String siteId) throws SQLException {
        p.setObject(1, id);
        p.setObject(2, appointment);
        p.setString(3, doctor);
        p.setString(4, probability >= 0.5 ? "worse" : "better");
        p.setDouble(5, probability);
        p.setString(6, probability >= 0.5 ? "high" : probability >= 0.25 ? "medium" : "low");
        p.setObject(7, at);
        p.setString(8, siteId);
        p.addBatch();
    }

    private static String doctor(int d) {
        return String.format("dr_%03d", d);
    }
}
