package com.outcomedesk.server.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.outcomedesk.server.problems.Problem;
import java.time.Instant;
import java.util.LinkedHashMap;
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
    private Problem problem;

    Job(UUID id, String user, Instant submittedAt) {
        this.id = id;
        this.user = user;
        this.submittedAt = submittedAt;
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

    synchronized void progress(String stage, long done, long total) {
        this.stage = stage;
        this.done = done;
        this.total = total;
    }

    synchronized void succeed(Map<String, Object> result, Instant at) {
        if (state.finished()) return;
        this.result = result;
        end(State.SUCCEEDED, at);
    }

    synchronized void fail(Problem problem, Instant at) {
        if (state.finished()) return;
        this.problem = problem;
        end(State.FAILED, at);
    }

    synchronized void cancelled(Instant at) {
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

    /** The job as {@code GET /jobs/{id}} shows it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(UUID id, String state, String user, Instant submittedAt, Instant startedAt, Instant finishedAt,
                       String stage, long done, long total, Map<String, Object> result, Problem problem) {
    }

    public synchronized View view() {
        return new View(id, state.name().toLowerCase(java.util.Locale.ROOT), user, submittedAt, startedAt, finishedAt, stage,
                done, total, result == null ? null : new LinkedHashMap<>(result), problem);
    }
}
