package uk.gov.safeguarding.hub.database.slow;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.Statement;

/** A migration still running a second after it began: MigrationAlongsideStartUpTest closes the hub meanwhile. */
public class V1__TakesASecond extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Thread.sleep(1_000);
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute("CREATE TABLE migrated_late (id INTEGER)");
        }
    }
}
