-- The sites enrolled with this OutcomeDesk Server (issue 15): each syncs over HTTPS with its own long random secret
-- instead of a database login. Only hashes are kept: the enrollment code's until it is used (or expires), then the
-- secret's. status: pending (code issued), active, suspended, revoked. push_scope: which sites' rows this site may
-- change ('*' = the whole network, as before; else a comma-separated list of site ids, its own always included).
CREATE TABLE sync_sites (
    name            VARCHAR(64) PRIMARY KEY,
    status          VARCHAR(16) NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'revoked')),
    code_hash       VARCHAR(64),
    code_expires_at TIMESTAMP WITH TIME ZONE,
    secret_hash     VARCHAR(64),
    store_site_id   VARCHAR(64),
    push_scope      VARCHAR(1000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(100) NOT NULL,
    enrolled_at     TIMESTAMP WITH TIME ZONE,
    last_seen_at    TIMESTAMP WITH TIME ZONE,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE UNIQUE INDEX idx_sync_sites_code ON sync_sites (code_hash);
