-- The audit trail is append-only (SPEC §7): the embedded database itself refuses to change or remove an entry,
-- as PostgreSQL does since V3. (H2 runs no trigger on TRUNCATE; the hub never truncates.)
CREATE TRIGGER audit_event_append_only BEFORE UPDATE, DELETE ON audit_event
    FOR EACH STATEMENT CALL 'uk.gov.safeguarding.hub.audit.H2AppendOnlyTrigger';
