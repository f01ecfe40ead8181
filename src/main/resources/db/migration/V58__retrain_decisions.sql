-- What each retraining policy run decided: the challenger it trained, the champion it was measured against, whether
-- it was promoted, kept out or only recommended (a manual policy), why, and the measurements as JSON. Rows are never
-- changed: together with model_activations they are the model's history of events.
CREATE TABLE retrain_decisions (
    id                 UUID PRIMARY KEY,
    decided_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    trigger_reason     VARCHAR(500) NOT NULL,
    policy             VARCHAR(200) NOT NULL,
    champion_version   INTEGER,
    challenger_version INTEGER NOT NULL,
    outcome            VARCHAR(16) NOT NULL,
    reasons            VARCHAR(4000) NOT NULL,
    evidence           VARCHAR(8000) NOT NULL,
    decided_by         VARCHAR(200) NOT NULL,
    site_id            VARCHAR(64) NOT NULL
);
CREATE INDEX idx_retrain_decisions_at ON retrain_decisions (decided_at);
