package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import java.sql.Date;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * The aggregations the insight screens read over every live appointment: outcome counts per doctor, summaries in key
 * order for the disease profiles, and the labelled appointments for the case-mix comparison. They run over millions of
 * rows, so each statement is written for its plan (insight/QueryPlansTest checks them on H2): counts never load rows,
 * summaries come in keyset pages over the primary key, labelled rows in one forward-only stream.
 */
public final class OutcomeStatisticsRepository {
    /** The covering index the outcome counts are read from. */
    public static final String OUTCOME_COUNTS_INDEX = "idx_appointments_doctor_sort";
    /** One row per doctor and category, counted over {@link #OUTCOME_COUNTS_INDEX}; public for the plan test. */
    public static final String OUTCOME_COUNTS = "SELECT doctor_id, outcome_category, COUNT(*) FROM appointments"
            + " WHERE deleted = FALSE AND outcome_category IS NOT NULL GROUP BY doctor_id, outcome_category";
    private static final String FIRST_SUMMARIES = "SELECT id, summary, outcome_category FROM appointments"
            + " WHERE deleted = FALSE ORDER BY id LIMIT :limit";
    /** The page after key {@code :after}, walking the primary key in order; public for the plan test. */
    public static final String SUMMARIES_AFTER = "SELECT id, summary, outcome_category FROM appointments"
            + " WHERE deleted = FALSE AND id > :after ORDER BY id LIMIT :limit";
    private static final String LABELLED = "SELECT doctor_id, summary, appointment_date, outcome_category FROM appointments"
            + " WHERE deleted = FALSE AND outcome_category IS NOT NULL";
    /** Rows per round trip of the labelled stream: PostgreSQL would otherwise send the whole result at once. */
    private static final int LABELLED_FETCH = 5_000;
    /** A hash lookup per row: these reads map millions of stored codes. */
    private static final Map<String, OutcomeCategory> BY_CODE = Arrays.stream(OutcomeCategory.values())
            .collect(Collectors.toUnmodifiableMap(OutcomeCategory::code, c -> c));

    private final Database database;

    public OutcomeStatisticsRepository(Database database) {
        this.database = database;
    }

    /** Every doctor's live appointments with a known outcome, counted per category (one row per doctor and category). */
    public List<DoctorOutcomeCount> outcomeCountsByDoctor() {
        return database.jdbi(h -> h.createQuery(OUTCOME_COUNTS)
                .map((rs, ctx) -> new DoctorOutcomeCount(rs.getString(1), category(rs.getString(2)), rs.getLong(3)))
                .list());
    }

    /**
     * Up to {@code limit} live appointments in key order, starting after key {@code after} ({@code null}: from the
     * first). Keyset pages keep memory flat on H2 and PostgreSQL alike, where one open result set would not.
     */
    public List<AppointmentSummary> summaries(UUID after, int limit) {
        return database.jdbi(h -> (after == null ? h.createQuery(FIRST_SUMMARIES) : h.createQuery(SUMMARIES_AFTER).bind("after", after))
                .bind("limit", limit)
                .map((rs, ctx) -> new AppointmentSummary(rs.getObject(1, UUID.class), rs.getString(2), category(rs.getString(3))))
                .list());
    }

    /**
     * Hands every live appointment with a known outcome to {@code each}, in one forward-only pass that fetches
     * {@link #LABELLED_FETCH} rows at a time (inside a transaction, since PostgreSQL streams only there).
     */
    public void forEachLabelled(Consumer<LabelledAppointment> each) {
        database.jdbiTransaction(h -> {
            h.createQuery(LABELLED).setFetchSize(LABELLED_FETCH).map((rs, ctx) -> {
                Date date = rs.getDate(3);
                return new LabelledAppointment(rs.getString(1), rs.getString(2), date == null ? null : date.toLocalDate(),
                        category(rs.getString(4)));
            }).forEach(each);
            return null;
        });
    }

    private static OutcomeCategory category(String code) {
        if (code == null) return null;
        OutcomeCategory c = BY_CODE.get(code);
        return c != null ? c : OutcomeCategory.fromCode(code);
    }
}
