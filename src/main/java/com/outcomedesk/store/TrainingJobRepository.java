package com.outcomedesk.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.statement.Update;

/** The server's training jobs (V48): one row per job, written as it moves from queued to its end. */
public final class TrainingJobRepository {
    private static final String COLUMNS = "id, user_name, state, stage, done, total, submitted_at, started_at, "
            + "finished_at, result_version, error_reason";
    private final Database database;

    public TrainingJobRepository(Database database) {
        this.database = database;
    }

    /** Writes the job's current record, adding it the first time. */
    public void save(TrainingJobRow job) {
        database.jdbiTransaction(h -> {
            int updated = bindAll(h.createUpdate("UPDATE training_jobs SET user_name = :user, state = :state, stage = :stage, "
                    + "done = :done, total = :total, submitted_at = :submitted, started_at = :started, finished_at = :finished, "
                    + "result_version = :version, error_reason = :reason WHERE id = :id"), job).execute();
            if (updated == 0) {
                bindAll(h.createUpdate("INSERT INTO training_jobs (" + COLUMNS + ") VALUES (:id, :user, :state, :stage, :done, "
                        + ":total, :submitted, :started, :finished, :version, :reason)"), job).execute();
            }
            return null;
        });
    }

    public Optional<TrainingJobRow> find(UUID id) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM training_jobs WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne());
    }

    /** The newest jobs first, at most {@code limit}. */
    public List<TrainingJobRow> newest(int limit) {
        return database.jdbi(h -> h.createQuery("SELECT " + COLUMNS + " FROM training_jobs ORDER BY submitted_at DESC LIMIT :n")
                .bind("n", limit).map((rs, ctx) -> row(rs)).list());
    }

    /**
     * Ends every job still in one of {@code unfinished} states as {@code failedState} with the reason, at the time
     * given; the number of jobs so ended.
     */
    public int failUnfinished(List<String> unfinished, String failedState, String reason, Instant at) {
        return database.jdbiTransaction(h -> h.createUpdate("UPDATE training_jobs SET state = :failed, error_reason = :reason, "
                        + "finished_at = :at WHERE state IN (<unfinished>)")
                .bind("failed", failedState).bind("reason", reason).bind("at", Timestamp.from(at))
                .bindList("unfinished", unfinished).execute());
    }

    private static Update bindAll(Update u, TrainingJobRow j) {
        return u.bind("id", j.id()).bind("user", j.user()).bind("state", j.state()).bind("stage", j.stage())
                .bind("done", j.done()).bind("total", j.total()).bind("submitted", ts(j.submittedAt()))
                .bind("started", ts(j.startedAt())).bind("finished", ts(j.finishedAt()))
                .bind("version", j.resultVersion()).bind("reason", j.errorReason());
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static TrainingJobRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        int version = rs.getInt("result_version");
        Integer resultVersion = rs.wasNull() ? null : version;
        return new TrainingJobRow(rs.getObject("id", UUID.class), rs.getString("user_name"), rs.getString("state"),
                rs.getString("stage"), rs.getLong("done"), rs.getLong("total"), instant(rs.getTimestamp("submitted_at")),
                instant(rs.getTimestamp("started_at")), instant(rs.getTimestamp("finished_at")), resultVersion,
                rs.getString("error_reason"));
    }
}
