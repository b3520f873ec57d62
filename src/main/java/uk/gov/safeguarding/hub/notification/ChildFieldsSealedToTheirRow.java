package uk.gov.safeguarding.hub.notification;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.security.ChildDataCipher;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Migration 8: re-seals the children's names and dates of birth stored before each value was bound to its row and
 * field, so that no ciphertext can be moved to another child or field and still open. It needs the child-data keys,
 * so it is a bean that Flyway runs between the SQL migrations (Spring Boot hands it every JavaMigration bean).
 */
@Component
class ChildFieldsSealedToTheirRow implements JavaMigration {

    private static final int BATCH = 500;
    private final ChildDataCipher cipher;

    ChildFieldsSealedToTheirRow(ChildDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion("8");
    }

    @Override
    public String getDescription() {
        return "child fields sealed to their row";
    }

    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        try (PreparedStatement select = connection.prepareStatement(
                     "SELECT notification_id, position, name_encrypted, date_of_birth_encrypted FROM child");
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE child SET name_encrypted = ?, date_of_birth_encrypted = ? WHERE notification_id = ? AND position = ?");
             ResultSet children = select.executeQuery()) {
            int pending = 0;
            while (children.next()) {
                String notificationId = children.getString("notification_id");
                int position = children.getInt("position");
                update.setString(1, cipher.seal(cipher.openUnbound(children.getString("name_encrypted")),
                        ChildFields.name(notificationId, position)));
                update.setString(2, cipher.seal(cipher.openUnbound(children.getString("date_of_birth_encrypted")),
                        ChildFields.dateOfBirth(notificationId, position)));
                update.setString(3, notificationId);
                update.setInt(4, position);
                update.addBatch();
                if (++pending == BATCH) {
                    update.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
    }
}
