-- Every start reads the largest clock stamp of the stored appointments (SyncStateRepository.largestAppointmentStamp);
-- H2 found it by reading each whole row, summary and all (3.0 s at 200,000 appointments, half of a `monitor` run's
-- samples at a million). With hlc at its end the monitor's covering index answers it from narrow entries. An index
-- of its own on hlc would cost one more build on every bulk load; this one is kept through a restore's load (led by
-- the key) and its entries grow by 8 bytes.
DROP INDEX idx_appointments_monitor;
CREATE INDEX idx_appointments_monitor ON appointments (id, deleted, outcome_category, appointment_date, updated_at, hlc);
