-- The monitor's journal (V62) is written by triggers in the writer's own transaction, so a prediction and its
-- journal entry are committed or lost together. PostgreSQL writes one statement's entries at once, from its
-- transition tables. An appointment is noted only when it has a prediction and its date, outcome, deletion or change
-- time moved (the same rule as H2's store.MonitorJournalTrigger).
CREATE FUNCTION monitor_tally_predictions_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO monitor_tally_journal (id, prediction_id) SELECT gen_random_uuid(), id FROM saved;
    RETURN NULL;
END $$;

CREATE FUNCTION monitor_tally_predictions_removed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO monitor_tally_journal (id, prediction_id) SELECT gen_random_uuid(), id FROM removed;
    RETURN NULL;
END $$;

CREATE FUNCTION monitor_tally_appointments_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO monitor_tally_journal (id, appointment_id)
        SELECT gen_random_uuid(), n.id FROM after_rows n JOIN before_rows o ON o.id = n.id
        WHERE (o.appointment_date IS DISTINCT FROM n.appointment_date
               OR o.outcome_category IS DISTINCT FROM n.outcome_category
               OR o.updated_at IS DISTINCT FROM n.updated_at
               OR o.deleted IS DISTINCT FROM n.deleted)
          AND EXISTS (SELECT 1 FROM predictions p WHERE p.appointment_id = n.id);
    RETURN NULL;
END $$;

CREATE TRIGGER monitor_tally_predictions_saved AFTER INSERT ON predictions REFERENCING NEW TABLE AS saved
    FOR EACH STATEMENT EXECUTE FUNCTION monitor_tally_predictions_saved();
CREATE TRIGGER monitor_tally_predictions_removed AFTER DELETE ON predictions REFERENCING OLD TABLE AS removed
    FOR EACH STATEMENT EXECUTE FUNCTION monitor_tally_predictions_removed();
CREATE TRIGGER monitor_tally_appointments_changed AFTER UPDATE ON appointments
    REFERENCING OLD TABLE AS before_rows NEW TABLE AS after_rows
    FOR EACH STATEMENT EXECUTE FUNCTION monitor_tally_appointments_changed();
