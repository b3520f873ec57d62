-- Least privilege (run after every migration, as the owner who migrates): when the hub runs as a role of its own
-- (spring.datasource.username differs from spring.flyway.user), that role may read and write the hub's tables but
-- only read and add to the audit trail. It owns nothing, so it can neither alter a table nor disable the
-- append-only trigger, and it never touches Flyway's history.
DO $grants$
DECLARE
    runtime_role text := '${runtimeRole}';
BEGIN
    IF runtime_role <> '' THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), runtime_role);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I', current_schema(), runtime_role);
        EXECUTE format('REVOKE ALL ON TABLE audit_event, %I FROM %I', '${flyway:table}', runtime_role);
        EXECUTE format('GRANT SELECT, INSERT ON TABLE audit_event TO %I', runtime_role);
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), runtime_role);
    END IF;
END
$grants$;
