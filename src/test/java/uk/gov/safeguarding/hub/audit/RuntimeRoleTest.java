package uk.gov.safeguarding.hub.audit;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.gov.safeguarding.hub.support.Postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Least privilege on PostgreSQL: the owner migrates, and the role the hub runs as may add to the audit trail and read
 * it but not change, remove or truncate it, nor switch off the trigger that guards it, nor touch Flyway's history.
 * (That the role may do all the hub needs is shown by every integration test on PostgreSQL, which run as it.)
 */
class RuntimeRoleTest {

    private static final String INSERT = "INSERT INTO audit_event (notification_id, at, event, actor, detail) "
            + "VALUES ('n-1', CURRENT_TIMESTAMP, 'RECEIVED', 'local-trust', 'an entry')";
    private static String url;

    @BeforeAll
    static void migrateAsTheOwner() {
        url = Postgres.newDatabase("runtime_role");
        Flyway.configure().dataSource(url, Postgres.OWNER, Postgres.OWNER)
                .locations("classpath:db/migration", "classpath:db/vendor/postgresql")
                .placeholders(Map.of(RuntimeRoleGrants.PLACEHOLDER, Postgres.RUNTIME)).load().migrate();
    }

    private static Connection asTheRuntimeRole() throws SQLException {
        return DriverManager.getConnection(url, Postgres.RUNTIME, Postgres.RUNTIME);
    }

    @Test
    void theRuntimeRoleAddsToAndReadsTheAuditTrail() throws SQLException {
        try (Connection connection = asTheRuntimeRole(); Statement statement = connection.createStatement()) {
            statement.execute(INSERT);
            try (var entries = statement.executeQuery("SELECT actor FROM audit_event WHERE notification_id = 'n-1'")) {
                assertThat(entries.next()).isTrue();
                assertThat(entries.getString("actor")).isEqualTo("local-trust");
            }
        }
    }

    @Test
    void theRuntimeRoleIsRefusedUpdateDeleteAndTruncateOfTheAuditTrail() throws SQLException {
        assertRefused("permission denied", "UPDATE audit_event SET actor = 'someone else'", "DELETE FROM audit_event",
                "TRUNCATE audit_event");
    }

    @Test
    void theRuntimeRoleIsRefusedDisablingOrDroppingTheAppendOnlyTrigger() throws SQLException {
        assertRefused("must be owner", "ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only",
                "ALTER TABLE audit_event DISABLE TRIGGER ALL", "DROP TRIGGER audit_event_append_only ON audit_event");
        // nor switch off every trigger for its session
        assertRefused("permission denied", "SET session_replication_role = replica");
    }

    @Test
    void theRuntimeRoleIsRefusedFlywaysHistoryAndChangesToTables() throws SQLException {
        assertRefused("permission denied", "SELECT * FROM flyway_schema_history", "CREATE TABLE shadow (id INT)");
        assertRefused("must be owner", "ALTER TABLE delivery ADD COLUMN extra TEXT");
    }

    /** Each statement, run as the hub's runtime role, is refused by PostgreSQL with this reason. */
    private void assertRefused(String reason, String... statements) throws SQLException {
        try (Connection connection = asTheRuntimeRole(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                assertThatThrownBy(() -> statement.execute(sql)).as(sql).hasMessageContaining(reason);
            }
        }
    }
}
