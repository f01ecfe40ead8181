-- Patient-history features read each patient's appointments in date order: in one pass over the whole table when
-- training (ORDER BY patient_ref, appointment_date) and per patient when predicting. The index holds every column
-- those reads need, so neither touches the wide rows (summaries); NULL patient references are never read.
CREATE INDEX idx_appointments_patient_history ON appointments (patient_ref, appointment_date, deleted, outcome_category, id);
