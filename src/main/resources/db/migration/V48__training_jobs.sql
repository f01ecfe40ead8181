-- The server's training jobs, so that GET /jobs/{id} answers after a restart and a job the server left unfinished
-- when it stopped is marked failed at the next start (never stuck as running). Counts and times only: no result body
-- beyond the model version it produced, and the reason it failed as the sentence the API showed.
CREATE TABLE training_jobs (
    id             UUID PRIMARY KEY,
    user_name      VARCHAR(100) NOT NULL,
    state          VARCHAR(16) NOT NULL,
    stage          VARCHAR(100),
    done           BIGINT NOT NULL,
    total          BIGINT NOT NULL,
    submitted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    started_at     TIMESTAMP WITH TIME ZONE,
    finished_at    TIMESTAMP WITH TIME ZONE,
    result_version INTEGER,
    error_reason   VARCHAR(1000)
);
CREATE INDEX idx_training_jobs_state ON training_jobs (state);
