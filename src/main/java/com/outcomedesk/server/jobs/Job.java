package com.outcomedesk.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.outcomedesk.server.problems.Problem;
import com.outcomedesk.store.TrainingJobRow;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** One training job: who asked, its state, the stage it is at, and at the end its result or its problem. */
public final class Job {
    /** Where a job is; the last three are final. */
    public enum State {
        QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public boolean finished() {
            return this == SUCCEEDED || this == FAILED || this == CANCELLED;
        }
    }

    private final UUID id;
    private final String user;
    private final Instant submittedAt;
    private State state = State.QUEUED;
    private Instant startedAt;
    private Instant finishedAt;
    private String stage;
    private long done;
    private long total = -1;
    private Map<String, Object> result;
    private Integer resultVersion;
    private Problem problem;

    Job(UUID id, String user, Instant submittedAt) {
        this.id = id;
        this.user = user;
        this.submittedAt = submittedAt;
    }

    /**
     * A job as the store kept it (after a restart): its result is only the version it produced, its problem only the
     * reason it failed.
     */
    static Job restored(TrainingJobRow row) {
        Job job = new Job(row.id(), row.user(), row.submittedAt());
        job.state = State.valueOf(row.state().toUpperCase(Locale.ROOT));
        job.startedAt = row.startedAt();
        job.finishedAt = row.finishedAt();
        job.stage = row.stage();
        job.done = row.done();
        job.total = row.total();
        job.resultVersion = row.resultVersion();
        if (row.resultVersion() != null) job.result = Map.of("version", row.resultVersion());
        if (row.errorReason() != null) job.problem = failure(row.errorReason());
        return job;
    }

    /** The problem of a job that failed for the reason given, where no more precise problem is known. */
    static Problem failure(String reason) {
        return Problem.of(500, "training-failed", "Training failed", reason);
    }

    public UUID id() {
        return id;
    }

    public synchronized State state() {
        return state;
    }

    synchronized boolean start(Instant at) {
        if (state != State.QUEUED) return false;
        state = State.RUNNING;
        startedAt = at;
        return true;
    }

    /** True when the stage changed (worth writing down); counts within a stage are not. */
    synchronized boolean progress(String stage, long done, long total) {
        boolean changed = !java.util.Objects.equals(this.stage, stage);
        this.stage = stage;
        this.done = done;
        this.total = total;
        return changed;
    }

    synchronized void succeed(Map<String, Object> result, int version, Instant at) {
        if (state.finished()) return;
        this.result = result;
        this.resultVersion = version;
        end(State.SUCCEEDED, at);
    }

    synchronized void fail(Problem problem, Instant at) {
        if (state.finished()) return;
        this.problem = problem;
        end(State.FAILED, at);
    }

    synchronized void cancelled(Instant at) {
        if (state.finished()) return;
        end(State.CANCELLED, at);
    }

    synchronized boolean requestCancel(Instant at) {
        if (state.finished()) return false;
        end(State.CANCELLED, at);
        return true;
    }

    private void end(State s, Instant at) {
        state = s;
        if (finishedAt == null) finishedAt = at;
    }

    /** The job as {@code GET /jobs/{id}} shows it; {@code resultVersion} and {@code errorReason} as the store keeps them. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(UUID id, String state, String user, Instant submittedAt, Instant startedAt, Instant finishedAt,
                       String stage, long done, long total, Map<String, Object> result, Problem problem,
                       Integer resultVersion, String errorReason) {
    }

    public synchronized View view() {
        return new View(id, stateName(), user, submittedAt, startedAt, finishedAt, stage,
                done, total, result == null ? null : new LinkedHashMap<>(result), problem, resultVersion,
                problem == null ? null : problem.detail());
    }

    /** The record the store keeps. */
    synchronized TrainingJobRow row() {
        return new TrainingJobRow(id, user, stateName(), stage, done, total, submittedAt, startedAt, finishedAt, resultVersion,
                problem == null ? null : problem.detail());
    }

    private String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }
}
