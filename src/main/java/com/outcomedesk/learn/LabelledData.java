package com.outcomedesk.learn;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.store.Database;
import com.outcomedesk.text.Featurizer;
import com.outcomedesk.common.ProgressListener;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Reads the labelled appointments (those with an outcome category; better = excellent/good/neutral,
 * worse = poor/critical) from the store with a streaming cursor: PostgreSQL streams only with
 * autocommit off and a fetch size. Rows without a category are unlabelled and left out.
 */
public final class LabelledData {
    static final String SELECT = "SELECT id, doctor_id, summary, appointment_date, outcome_category FROM appointments "
            + "WHERE deleted = FALSE AND outcome_category IS NOT NULL ORDER BY id";
    private static final int FETCH_SIZE = 5000;

    private LabelledData() {
    }

    public static long count(Database database) {
        return database.withConnection(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT COUNT(*) FROM appointments WHERE deleted = FALSE AND outcome_category IS NOT NULL")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    public static DatasetBuilder.Built load(Database database, Featurizer featurizer, ProgressListener progress) {
        long total = count(database);
        DatasetBuilder builder = new DatasetBuilder(featurizer);
        database.streaming(c -> {
            read(c, builder, progress, total);
            return null;
        });
        progress.progress("loading", total, total);
        return builder.build();
    }

    private static void read(Connection c, DatasetBuilder builder, ProgressListener progress, long total)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(SELECT, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                long n = 0;
                while (rs.next()) {
                    Date date = rs.getDate(4);
                    builder.add(rs.getString(1), rs.getString(2), rs.getString(3), date == null ? null : date.toLocalDate(),
                            OutcomeCategory.fromCode(rs.getString(5)));
                    if (++n % 50_000 == 0) {
                        TrainingService.checkCancelled();
                        progress.progress("loading", n, total);
                    }
                }
            }
        }
    }
}
