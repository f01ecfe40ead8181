-- The monitor's tallies (issue 17): counting every saved prediction against its appointment's outcome at each run
-- took a minute at 1,000,000 predictions, so the counts are kept instead. Triggers (V63, per vendor) note in the
-- journal each prediction saved or removed and each predicted appointment whose date, outcome, deletion or change
-- time moved, in the writer's own transaction; the monitor then recounts only those predictions. These tables are
-- derived from predictions and appointments: backups leave them out, and a store whose counts disagree with its
-- predictions is recounted whole.
CREATE TABLE monitor_tally_journal (
    id             UUID PRIMARY KEY,
    prediction_id  UUID,
    appointment_id UUID,
    -- set by the catch-up that is processing the entry, so entries written meanwhile wait for the next one
    claimed        BOOLEAN DEFAULT FALSE NOT NULL
);
CREATE INDEX idx_monitor_tally_journal_claimed ON monitor_tally_journal (claimed);

-- What each prediction was last counted as: its tally key (month, probability bucket, outcome, tier, fallback packed
-- in one number), its groups and its share of the sums. Subtracting this before counting a prediction again keeps the
-- tallies exact without knowing the appointment's earlier state.
CREATE TABLE monitor_tally_counted (
    prediction_id UUID PRIMARY KEY,
    k             BIGINT NOT NULL,
    site_id       VARCHAR(64),
    doctor_id     VARCHAR(100),
    model_id      VARCHAR(36),
    q1            BIGINT NOT NULL,
    q2            BIGINT NOT NULL,
    q3            BIGINT NOT NULL,
    q4            BIGINT NOT NULL,
    hi            INT NOT NULL,
    -- when the appointment's known outcome was recorded (its last change), for the "no outcomes for N days" rule
    recorded      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_monitor_tally_counted_recorded ON monitor_tally_counted (recorded);

-- The tallies: per kind (0 month, 1 site, 2 doctor, 3 model, 4 the doctor mix by month) and key, the count and sums.
-- grp is '' for none, else '=' and the group, so that no group and an empty group differ.
CREATE TABLE monitor_tally_sums (
    kind SMALLINT NOT NULL,
    k    BIGINT NOT NULL,
    grp  VARCHAR(101) NOT NULL,
    n    BIGINT NOT NULL,
    q1   BIGINT NOT NULL,
    q2   BIGINT NOT NULL,
    q3   BIGINT NOT NULL,
    q4   BIGINT NOT NULL,
    hi   BIGINT NOT NULL,
    PRIMARY KEY (kind, k, grp)
);

-- The predictions one catch-up recounts (emptied before it commits).
CREATE TABLE monitor_tally_work (
    prediction_id UUID PRIMARY KEY
);

-- 'lock': the row each catch-up locks first, so two never interleave; 'worse': the outcome categories the tallies
-- count as worse (a change recounts everything).
CREATE TABLE monitor_tally_state (
    name        VARCHAR(64) PRIMARY KEY,
    state_value VARCHAR(2000)
);
INSERT INTO monitor_tally_state (name, state_value) VALUES ('lock', '');
INSERT INTO monitor_tally_state (name, state_value) VALUES ('worse', NULL);
