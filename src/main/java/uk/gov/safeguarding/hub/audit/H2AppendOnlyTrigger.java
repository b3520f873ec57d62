package uk.gov.safeguarding.hub.audit;

import org.h2.api.Trigger;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The embedded H2 database's guard that the audit trail is append-only (SPEC §7): installed by the migration
 * {@code db/vendor/h2/V5} as a statement trigger before UPDATE and DELETE on {@code audit_event}, it refuses
 * both. PostgreSQL has the same guard as a PL/pgSQL trigger.
 */
public class H2AppendOnlyTrigger implements Trigger {

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        throw new SQLException("audit_event is append-only: changing or removing an entry is refused");
    }
}
