-- The appointment version last agreed with the server moves out of the wide appointments rows into a narrow
-- table of its own: a push marks thousands of rows clean, and rewriting small rows is many times cheaper than
-- rewriting the appointments (summaries and all). A row without a base entry was never agreed with a server.
CREATE TABLE appointment_sync_base (
    id        UUID PRIMARY KEY,
    base_hlc  BIGINT NOT NULL,
    base_site VARCHAR(64) NOT NULL
);
INSERT INTO appointment_sync_base (id, base_hlc, base_site)
    SELECT id, base_hlc, base_site FROM appointments WHERE base_hlc IS NOT NULL AND base_site IS NOT NULL;
-- appointments.base_hlc and base_site are no longer read or written. They stay: dropping a column makes H2 copy
-- the whole table, minutes on a store of a million appointments at the first start after an upgrade.
