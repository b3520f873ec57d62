package uk.gov.safeguarding.hub.database;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.autoconfigure.flyway.FlywayMigrationStrategy;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import javax.sql.DataSource;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Migrates the database on a thread of its own while the rest of the hub is being built, which takes no database:
 * migrating a new embedded database took about a second of a start, on the start's one busy thread. Nothing uses
 * the database until the hub's parts start, and they start (this first) only once the migration has succeeded; a
 * migration that fails stops the start with its cause, as before. A start that fails for another reason while the
 * migration runs lets it finish before the connection pool closes, rather than cutting it off half-applied (H2 runs
 * no DDL in a transaction).
 */
@Component
class MigrationAlongsideStartUp implements FlywayMigrationStrategy, SmartLifecycle, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MigrationAlongsideStartUp.class);

    private volatile CompletableFuture<Void> migration = CompletableFuture.completedFuture(null);
    private volatile boolean running;

    /**
     * {@code database} is the one migrated, taken so that this is let go before it: Spring closes a bean's
     * dependents first.
     */
    MigrationAlongsideStartUp(DataSource database) {
    }

    @Override
    public void migrate(Flyway flyway) {
        migration = CompletableFuture.runAsync(flyway::migrate, migrating -> new Thread(migrating, "database-migration").start());
    }

    @Override
    public void start() {
        try {
            migration.join();
        } catch (CompletionException failed) {
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before every other part: the shared commits' writers, the outbox relay, the broker's consumers, the web server. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE;
    }

    /** The hub is closing, perhaps before it ever started: a migration still running is let finish. */
    @Override
    public void destroy() {
        try {
            migration.join();
        } catch (CompletionException failed) {
            log.warn("The hub closes with its database migration not applied: {}", failed.getCause().toString());
        }
    }
}
