-- Push batches the OutcomeDesk Server has applied, by the id the site gave them, with the answer it sent: a batch
-- sent again (its answer was lost in a cut) gets the same answer and changes nothing. Counts and keys only.
CREATE TABLE sync_batches (
    batch_id    VARCHAR(64) PRIMARY KEY,
    site_name   VARCHAR(64) NOT NULL,
    table_name  VARCHAR(64) NOT NULL,
    answer      ${clob} NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX idx_sync_batches_received ON sync_batches (received_at);
