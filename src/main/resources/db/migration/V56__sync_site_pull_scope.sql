-- What an enrolled site may see (issue 15): pulls of appointments, their predictions, conflicts and audit entries
-- are filtered to rows last written by the sites in its pull scope ('*' = the whole network, as before; else a
-- comma-separated list of site names or store site ids, its own always included).
ALTER TABLE sync_sites ADD COLUMN pull_scope VARCHAR(1000) DEFAULT '*' NOT NULL;
