package uk.gov.safeguarding.hub.database;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import javax.sql.DataSource;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The hub's own migrations, run alongside the start-up, on an embedded H2 as the hub configures it. */
class MigrationAlongsideStartUpTest {

    private final DataSource database = new DriverManagerDataSource(
            "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    private final MigrationAlongsideStartUp migration = new MigrationAlongsideStartUp(database);

    @Test
    void thePartsOfTheHubStartOnlyOnTheMigratedDatabase() {
        Flyway hubs = flyway("classpath:db/migration", "classpath:db/vendor/h2");
        migration.migrate(hubs);
        migration.start();

        assertThat(migration.isRunning()).isTrue();
        assertThat(hubs.info().pending()).isEmpty();
        assertThat(hubs.info().applied()).isNotEmpty();
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM notification").query(Integer.class).single()).isZero();
    }

    @Test
    void aFailedMigrationStopsTheStartWithItsCause() {
        migration.migrate(flyway("classpath:db/broken"));

        assertThatThrownBy(migration::start).isInstanceOf(FlywayException.class).hasMessageContaining("no_such_table");
        assertThat(migration.isRunning()).isFalse();
    }

    @Test
    void aHubClosedBeforeItStartedLetsItsMigrationFinish() {
        Flyway slow = flyway("classpath:uk/gov/safeguarding/hub/database/slow");
        migration.migrate(slow);

        migration.destroy();

        assertThat(slow.info().pending()).as("migrations left").isEmpty();
        assertThat(JdbcClient.create(database).sql("SELECT count(*) FROM migrated_late").query(Integer.class).single()).isZero();
    }

    private Flyway flyway(String... locations) {
        return Flyway.configure().dataSource(database).locations(locations).load();
    }
}
