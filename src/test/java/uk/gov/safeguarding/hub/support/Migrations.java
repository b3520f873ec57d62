package uk.gov.safeguarding.hub.support;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.params.provider.Arguments;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/** The hub's Flyway migrations run by hand on both databases, for tests of the schema itself. */
public final class Migrations {

    private Migrations() {
    }

    /** A fresh H2 database in the hub's mode and a fresh PostgreSQL one: vendor, JDBC URL, user, password. */
    public static Stream<Arguments> onBothDatabases(String name) {
        return Stream.of(
                Arguments.of("h2", "jdbc:h2:mem:" + name + "-" + UUID.randomUUID()
                        + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", ""),
                Arguments.of("postgresql", Postgres.newDatabase(name), "postgres", "postgres"));
    }

    /** The shared migrations, then the vendor's own, as the hub runs them; no runtime role to grant. */
    public static FluentConfiguration of(String vendor, String url, String user, String password) {
        return Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .placeholders(Map.of("runtimeRole", ""));
    }
}
