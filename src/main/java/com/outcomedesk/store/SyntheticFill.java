package com.outcomedesk.store;

import com.outcomedesk.outcome.OutcomeCategory;
import com.outcomedesk.outcome.OutcomeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Fills a throwaway H2 store with millions of generated appointments for the benchmarks, set-based (one INSERT ...
 * SELECT over H2's SYSTEM_RANGE per million rows, never a statement per row), into the schema the migrations made.
 * For benchmarks only: it drops constraints and indexes of the store it is given.
 */
public final class SyntheticFill {
    /** Rows per INSERT ... SELECT, so that progress shows and one statement's undo log stays bounded. */
    private static final long CHUNK = 1_000_000;
    private static final String STAMP = "TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00'";
    /** Every generated row's key, change stamp and bookkeeping columns, from the row number X. */
    private static final String COLUMNS = "INSERT INTO appointments (id, doctor_id, summary, outcome_category, outcome_source,"
            + " created_at, created_by, updated_at, updated_by, site_id, row_version, hlc, deleted)";
    private static final String KEY = "CAST(LPAD(TO_CHAR(X, 'FMXXXXXXXXXXXX'), 32, '0') AS UUID)";
    private static final String BOOKKEEPING = "'" + OutcomeSource.MAPPED.code() + "', " + STAMP + ", 'bench', " + STAMP
            + ", 'bench', 'bench', 1, X, FALSE";

    /** A share of the generated outcomes, in thousandths. */
    public record Share(OutcomeCategory category, int perMille) {
    }

    /** One distinct appointment that {@link #repeatedAppointments} copies; {@code category} may be {@code null}. */
    public record Sample(String doctorId, String summary, OutcomeCategory category) {
    }

    /**
     * A secondary index as the schema defined it, so that it can be built again after a fill; {@code columns} as the
     * index lists them (quoted name, DESC where descending).
     */
    public record Index(String name, List<String> columns) {
    }

    private final Database database;

    public SyntheticFill(Database database) {
        if (database.vendor() != Vendor.H2) throw new IllegalArgumentException("Synthetic fills are written for H2 stores");
        this.database = database;
    }

    /** Drops the appointments' foreign keys, so that filling does not look up every row's doctor. */
    public void dropAppointmentForeignKeys() {
        database.jdbi(h -> {
            List<String> names = h.createQuery("SELECT CONSTRAINT_NAME FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS"
                    + " WHERE TABLE_NAME = 'APPOINTMENTS' AND CONSTRAINT_TYPE = 'FOREIGN KEY'").mapTo(String.class).list();
            for (String name : names) h.execute("ALTER TABLE appointments DROP CONSTRAINT " + quoted(name));
            return null;
        });
    }

    /**
     * Drops the appointments' own secondary indexes (read from the schema, so new migrations cannot break a fill) and
     * returns them as they were defined, for {@link #create}. Drop the foreign keys first: an index one of them uses
     * cannot go.
     */
    public List<Index> dropAppointmentIndexes() {
        return database.jdbi(h -> {
            List<String> names = h.createQuery("SELECT INDEX_NAME FROM INFORMATION_SCHEMA.INDEXES"
                    + " WHERE TABLE_NAME = 'APPOINTMENTS' AND INDEX_NAME LIKE 'IDX\\_APPOINTMENTS\\_%' ORDER BY INDEX_NAME")
                    .mapTo(String.class).list();
            List<Index> dropped = new ArrayList<>();
            for (String name : names) {
                List<String> columns = h.createQuery("SELECT COLUMN_NAME, ORDERING_SPECIFICATION FROM INFORMATION_SCHEMA.INDEX_COLUMNS"
                                + " WHERE TABLE_NAME = 'APPOINTMENTS' AND INDEX_NAME = :name ORDER BY ORDINAL_POSITION")
                        .bind("name", name)
                        .map((rs, ctx) -> quoted(rs.getString(1)) + ("DESC".equals(rs.getString(2)) ? " DESC" : ""))
                        .list();
                dropped.add(new Index(name, columns));
                h.execute("DROP INDEX " + quoted(name));
            }
            return dropped;
        });
    }

    /** Builds a dropped index again, over the rows now in the table. */
    public void create(Index index) {
        database.jdbi(h -> h.execute("CREATE INDEX " + quoted(index.name()) + " ON appointments (" + String.join(", ", index.columns()) + ")"));
    }

    /** The doctors {@code dr_000}, {@code dr_001}, ...: the ids {@link #outcomeOnlyAppointments} spreads rows over. */
    public void numberedDoctors(int count) {
        database.jdbi(h -> h.execute("INSERT INTO doctors (doctor_id, created_at) SELECT " + numberedDoctor("X") + ", " + STAMP
                + " FROM SYSTEM_RANGE(0, " + (count - 1) + ")"));
    }

    /**
     * {@code records} appointments with empty summaries over the {@link #numberedDoctors} (row X with doctor
     * X * 7919 mod {@code doctors}), each with a category drawn by a hash of its row number from {@code mix}, shifted
     * per doctor so that doctors' rates differ. {@code inserted} hears the rows written so far after each chunk.
     */
    public void outcomeOnlyAppointments(long records, int doctors, List<Share> mix, LongConsumer inserted) {
        String doctor = "MOD(X * 7919, " + doctors + ")";
        String select = " SELECT " + KEY + ", " + numberedDoctor(doctor) + ", '', "
                + category("MOD(X * 2654435761 + " + doctor + " * 37, 1000)", mix) + ", " + BOOKKEEPING;
        database.jdbi(h -> {
            for (long from = 1; from <= records; from += CHUNK) {
                long to = Math.min(records, from + CHUNK - 1);
                h.execute(COLUMNS + select + " FROM SYSTEM_RANGE(" + from + ", " + to + ")");
                inserted.accept(to);
            }
            return null;
        });
    }

    /** Doctors by id, for {@link #repeatedAppointments}. */
    public void doctors(List<String> ids) {
        database.jdbi(h -> {
            PreparedBatch batch = h.prepareBatch("INSERT INTO doctors (doctor_id, created_at) VALUES (:id, " + STAMP + ")");
            for (String id : ids) batch.bind("id", id).add();
            return batch.execute();
        });
    }

    /**
     * {@code records} appointments that repeat the samples in turn (row X copies sample X mod their number): the few
     * distinct samples are staged in a temporary table, then every chunk is one INSERT ... SELECT joining it.
     */
    public void repeatedAppointments(long records, List<Sample> samples, LongConsumer inserted) {
        database.jdbi(h -> {
            stage(h, samples);
            for (long from = 1; from <= records; from += CHUNK) {
                long to = Math.min(records, from + CHUNK - 1);
                h.execute(COLUMNS + " SELECT " + KEY + ", b.doctor_id, b.summary, b.category, " + BOOKKEEPING
                        + " FROM SYSTEM_RANGE(" + from + ", " + to + ") JOIN bench_samples b ON b.n = MOD(X, " + samples.size() + ")");
                inserted.accept(to);
            }
            h.execute("DROP TABLE bench_samples");
            return null;
        });
    }

    /** The samples in a table of this connection only, numbered from 0. */
    private static void stage(Handle h, List<Sample> samples) {
        h.execute("CREATE LOCAL TEMPORARY TABLE bench_samples (n INT PRIMARY KEY, doctor_id VARCHAR(100),"
                + " summary VARCHAR(20000), category VARCHAR(16))");
        PreparedBatch batch = h.prepareBatch("INSERT INTO bench_samples VALUES (:n, :doctor, :summary, :category)");
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            batch.bind("n", i).bind("doctor", s.doctorId()).bind("summary", s.summary())
                    .bind("category", s.category() == null ? null : s.category().code()).add();
        }
        batch.execute();
    }

    private static String numberedDoctor(String number) {
        return "'dr_' || LPAD(" + number + ", 3, '0')";
    }

    /** The category whose cumulative share first exceeds the hash {@code u} in 0..999, codes from the enum. */
    static String category(String u, List<Share> mix) {
        if (mix.stream().mapToInt(Share::perMille).sum() != 1000) throw new IllegalArgumentException("shares must add up to 1000");
        if (mix.size() == 1) return "'" + mix.get(0).category().code() + "'";
        StringBuilder sql = new StringBuilder("CASE");
        int upTo = 0;
        for (int i = 0; i < mix.size() - 1; i++) {
            upTo += mix.get(i).perMille();
            sql.append(" WHEN ").append(u).append(" < ").append(upTo).append(" THEN '").append(mix.get(i).category().code()).append('\'');
        }
        return sql.append(" ELSE '").append(mix.get(mix.size() - 1).category().code()).append("' END").toString();
    }

    private static String quoted(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
