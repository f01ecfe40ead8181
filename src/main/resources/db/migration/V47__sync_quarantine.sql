-- Local rows sync could not exchange: a row breaking the text rule (an old store, or a row pulled from the server)
-- or one the server refused. One entry per row: which field and why, never the value. A pushed row stays pending
-- and is tried again by every sync; an entry goes once its row syncs, or is repaired.
CREATE TABLE sync_quarantine (
    entity      VARCHAR(32) NOT NULL,
    entity_id   VARCHAR(1000) NOT NULL,
    field       VARCHAR(64),
    reason      VARCHAR(300) NOT NULL,
    direction   VARCHAR(8) NOT NULL CHECK (direction IN ('push', 'pull')),
    detected_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (entity, entity_id)
);
