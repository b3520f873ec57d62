package uk.gov.safeguarding.hub.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import uk.gov.safeguarding.hub.security.ChildDataCipher;
import uk.gov.safeguarding.hub.support.Migrations;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Migration 8 on both databases: children stored before their fields were bound to their row are re-sealed, read
 * back as they were, and a ciphertext moved to another child no longer opens.
 */
class ChildFieldsSealedToTheirRowTest {

    private static final byte[] KEY = "old-key-old-key-old-key-old-key!".getBytes(StandardCharsets.UTF_8);
    private static final ChildDataCipher CIPHER = new ChildDataCipher(new ChildDataCipher.Properties("2025-1",
            Map.of("2025-1", Base64.getEncoder().encodeToString(KEY))));

    static Stream<Arguments> databases() {
        return Migrations.onBothDatabases("reseal");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void childrenStoredBeforeTheBindingAreResealedToTheirRow(String vendor, String url, String user, String password)
            throws Exception {
        Migrations.of(vendor, url, user, password).target("7").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            insertNotification(connection, "n-1");
            insertChild(connection, "n-1", 0, sealedAsBefore("Zebedee Quillfeather"), sealedAsBefore("2015-03-01"));
            insertChild(connection, "n-1", 1, sealedAsBefore("Xanthe Quillfeather"), null);

            Migrations.of(vendor, url, user, password).javaMigrations(new ChildFieldsSealedToTheirRow(CIPHER)).load().migrate();

            assertThat(CIPHER.open(column(connection, "name_encrypted", 0), ChildFields.name("n-1", 0))).isEqualTo("Zebedee Quillfeather");
            assertThat(CIPHER.open(column(connection, "date_of_birth_encrypted", 0), ChildFields.dateOfBirth("n-1", 0))).isEqualTo("2015-03-01");
            assertThat(CIPHER.open(column(connection, "name_encrypted", 1), ChildFields.name("n-1", 1))).isEqualTo("Xanthe Quillfeather");
            assertThat(column(connection, "date_of_birth_encrypted", 1)).isNull();
            String firstChildsName = column(connection, "name_encrypted", 0);
            assertThatThrownBy(() -> CIPHER.open(firstChildsName, ChildFields.name("n-1", 1)))
                    .as("the first child's name copied to the second child").hasMessageContaining("not sealed to this place");
        }
    }

    /** The stored form before migration 8: only the key id was authenticated with the value. */
    private static String sealedAsBefore(String plain) throws Exception {
        byte[] nonce = new byte[12];
        new java.security.SecureRandom().nextBytes(nonce);
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new GCMParameterSpec(128, nonce));
        cipher.updateAAD("2025-1".getBytes(StandardCharsets.UTF_8));
        byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
        byte[] stored = new byte[nonce.length + sealed.length];
        System.arraycopy(nonce, 0, stored, 0, nonce.length);
        System.arraycopy(sealed, 0, stored, nonce.length, sealed.length);
        return "2025-1:" + Base64.getEncoder().encodeToString(stored);
    }

    private static void insertNotification(Connection connection, String id) throws Exception {
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    INSERT INTO notification (id, trust_reference, local_authority, request_sha256, incident_type,
                      occurred_on, aware_on, location, abuse_or_neglect, summary, notifier_name, notifier_role,
                      notifier_email, notifier_phone, late, received_at, received_by)
                    VALUES ('%s', 'SCT-1', 'E08000028', 'x', 'DEATH', DATE '2026-01-05', DATE '2026-01-06', 'HOME',
                      'KNOWN', 'summary', 'Alex Notifier', 'Head of service', 'alex@example.org', '0121', FALSE,
                      CURRENT_TIMESTAMP, 'local-trust')""".formatted(id));
        }
    }

    private static void insertChild(Connection connection, String notificationId, int position, String name,
                                    String dateOfBirth) throws Exception {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO child (notification_id, position, age_years, sex, legal_status, name_encrypted,
                  date_of_birth_encrypted) VALUES (?, ?, 10, 'FEMALE', 'LOOKED_AFTER', ?, ?)""")) {
            insert.setString(1, notificationId);
            insert.setInt(2, position);
            insert.setString(3, name);
            insert.setString(4, dateOfBirth);
            insert.executeUpdate();
        }
    }

    private static String column(Connection connection, String column, int position) throws Exception {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + column + " FROM child WHERE notification_id = 'n-1' AND position = ?")) {
            select.setInt(1, position);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }
}
