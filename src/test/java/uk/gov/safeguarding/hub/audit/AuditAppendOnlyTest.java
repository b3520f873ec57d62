package uk.gov.safeguarding.hub.audit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.safeguarding.hub.support.Migrations;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The audit trail is append-only in the database itself, on the embedded H2 default and on PostgreSQL, after
 * the same Flyway migrations the hub runs (the shared ones, then the vendor's own).
 */
class AuditAppendOnlyTest {

    private static final String INSERT = "INSERT INTO audit_event (notification_id, at, event, actor, detail) "
            + "VALUES ('n-1', CURRENT_TIMESTAMP, 'RECEIVED', 'local-trust', 'an entry')";

    static Stream<Arguments> databases() {
        return Migrations.onBothDatabases("audit_append_only");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void entriesCanBeAddedButNeverChangedOrRemoved(String vendor, String url, String user, String password) throws SQLException {
        Migrations.of(vendor, url, user, password).load().migrate();

        try (Connection connection = DriverManager.getConnection(url, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute(INSERT);
            assertThatThrownBy(() -> statement.executeUpdate("UPDATE audit_event SET actor = 'someone else'"))
                    .hasMessageContaining("append-only");
            assertThatThrownBy(() -> statement.executeUpdate("DELETE FROM audit_event"))
                    .hasMessageContaining("append-only");
            statement.execute(INSERT);
            try (ResultSet actors = statement.executeQuery("SELECT actor FROM audit_event")) {
                int entries = 0;
                while (actors.next()) {
                    assertThat(actors.getString(1)).isEqualTo("local-trust");
                    entries++;
                }
                assertThat(entries).isEqualTo(2);
            }
        }
    }
}
