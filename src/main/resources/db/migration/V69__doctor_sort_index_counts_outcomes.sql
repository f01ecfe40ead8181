-- The doctor ranking counts appointments per doctor and category from an index alone (V1's doctor_outcome index);
-- the list's doctor-sort index (V46) led with the same column. One index now serves both: the category at the end
-- makes the sort index cover the count. Every bulk load (import, restore, first pull) builds or maintains one index
-- fewer on appointments.
DROP INDEX idx_appointments_doctor_outcome;
DROP INDEX idx_appointments_doctor_sort;
CREATE INDEX idx_appointments_doctor_sort ON appointments (doctor_id, created_at DESC, id DESC, deleted, outcome_category);
