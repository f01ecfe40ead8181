-- The monitor's journal (V62) is written by triggers in the writer's own transaction, so a prediction and its
-- journal entry are committed or lost together. H2 runs them in Java (store.MonitorJournalTrigger).
CREATE TRIGGER monitor_tally_predictions AFTER INSERT, DELETE ON predictions FOR EACH ROW
    CALL 'com.outcomedesk.store.MonitorJournalTrigger';
CREATE TRIGGER monitor_tally_appointments AFTER UPDATE ON appointments FOR EACH ROW
    CALL 'com.outcomedesk.store.MonitorJournalTrigger';
