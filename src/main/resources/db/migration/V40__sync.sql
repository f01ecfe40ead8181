-- Sync bookkeeping, identical on a local store and on the shared server.
-- server_seq: the server's commit-ordered change number of the row (pull high-water marks compare against it);
-- on a local store, NULL on an append-only row means "not yet pushed".
-- base_hlc/base_site: the appointment version last agreed with the server; a row whose (hlc, site_id) differs
-- from its base was changed here and is pushed on the next sync.
ALTER TABLE appointments ADD COLUMN server_seq BIGINT;
ALTER TABLE appointments ADD COLUMN base_hlc BIGINT;
ALTER TABLE appointments ADD COLUMN base_site VARCHAR(64);
CREATE INDEX idx_appointments_server_seq ON appointments (server_seq);

ALTER TABLE predictions ADD COLUMN server_seq BIGINT;
CREATE INDEX idx_predictions_server_seq ON predictions (server_seq);
ALTER TABLE audit_log ADD COLUMN server_seq BIGINT;
CREATE INDEX idx_audit_server_seq ON audit_log (server_seq);
ALTER TABLE model_versions ADD COLUMN server_seq BIGINT;
ALTER TABLE model_activations ADD COLUMN server_seq BIGINT;

-- base_category: the category last agreed with the server, as for appointments.
ALTER TABLE outcome_mappings ADD COLUMN server_seq BIGINT;
ALTER TABLE outcome_mappings ADD COLUMN base_category VARCHAR(16);
-- The reference seed is the same on every store, so it is not a local change to push.
UPDATE outcome_mappings SET base_category = category WHERE source = 'reference';

-- Counters: on the server 'server_seq' (locked by every writing sync, so numbers follow commit order);
-- on a local store the pull high-water mark per table and server.
CREATE TABLE sync_state (
    name        VARCHAR(300) PRIMARY KEY,
    state_value BIGINT NOT NULL
);
INSERT INTO sync_state (name, state_value) VALUES ('server_seq', 0);

-- The losing side of every concurrent edit, kept for an administrator to confirm or swap. Created on the
-- server when a push meets a concurrent change; pulled to every site.
CREATE TABLE sync_conflicts (
    id           UUID PRIMARY KEY,
    entity       VARCHAR(32) NOT NULL CHECK (entity IN ('appointment', 'outcome_mapping', 'model_version')),
    entity_id    VARCHAR(1000) NOT NULL,
    winner_hlc   BIGINT,
    winner_site  VARCHAR(64),
    loser_hlc    BIGINT,
    loser_site   VARCHAR(64),
    loser_data   ${clob} NOT NULL,
    detected_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    status       VARCHAR(16) NOT NULL CHECK (status IN ('open', 'confirmed', 'swapped')),
    resolved_by  VARCHAR(100),
    resolved_at  TIMESTAMP WITH TIME ZONE,
    server_seq   BIGINT
);
CREATE INDEX idx_sync_conflicts_status ON sync_conflicts (status);
CREATE INDEX idx_sync_conflicts_server_seq ON sync_conflicts (server_seq);
