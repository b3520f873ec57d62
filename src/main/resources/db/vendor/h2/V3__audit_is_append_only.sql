-- On the embedded H2 default the hub's code is the only writer of audit_event and only ever inserts; the
-- database-level guard of this migration exists on PostgreSQL (db/vendor/postgresql), where production runs.
COMMENT ON TABLE audit_event IS 'append-only: the hub only inserts';
