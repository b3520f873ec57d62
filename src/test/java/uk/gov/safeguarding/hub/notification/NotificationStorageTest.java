package uk.gov.safeguarding.hub.notification;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.safeguarding.hub.database.DatabaseProduct;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.ChildDataCipher;
import uk.gov.safeguarding.hub.support.Migrations;
import uk.gov.safeguarding.hub.support.PreparedStatements;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A notification stored with its children and recipients, on both databases: on H2 in three statements, on
 * PostgreSQL in one; a second notification with the same reference stores nothing on either.
 */
class NotificationStorageTest {

    private static final ChildDataCipher CIPHER = new ChildDataCipher(new ChildDataCipher.Properties("2026-1",
            Map.of("2026-1", Base64.getEncoder().encodeToString("storage-key-storage-key-storage!".getBytes(StandardCharsets.UTF_8)))));
    private static final OffsetDateTime RECEIVED = OffsetDateTime.of(2026, 12, 7, 9, 30, 0, 0, ZoneOffset.UTC);

    static Stream<Arguments> databases() {
        return Migrations.onBothDatabases("storage");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aNotificationIsStoredWithItsChildrenAndRecipientsOnceForItsReference(String vendor, String url, String user,
                                                                               String password) {
        Storage storage = migrated(vendor, url, user, password);
        PreparedStatements database = storage.database();
        JdbcClient jdbc = storage.jdbc();
        NotificationRepository notifications = storage.notifications();
        NotificationRequest request = request(List.of(
                new NotificationRequest.Child(3, null, NotificationRequest.Sex.FEMALE, null,
                        NotificationRequest.LegalStatus.NONE, "Zebedee Quillfeather", null),
                new NotificationRequest.Child(0, 6, NotificationRequest.Sex.MALE, "White British",
                        NotificationRequest.LegalStatus.LOOKED_AFTER, null, LocalDate.of(2026, 10, 20))));

        assertThat(notifications.insertUnlessReferenceUsed("n-1", request, "sha-1", true, RECEIVED, "trust",
                Set.of(Recipient.OFSTED, Recipient.NATIONAL_PANEL))).isTrue();
        assertThat(database.startingWith("")).as("statements to store it").hasSize(vendor.equals("h2") ? 3 : 1);
        assertThat(notifications.insertUnlessReferenceUsed("n-2", request, "sha-2", false, RECEIVED, "trust",
                Set.of(Recipient.DFE))).as("the same reference again").isFalse();

        NotificationRepository.StoredNotification stored = notifications.find("n-1").orElseThrow();
        assertThat(stored.trustReference()).isEqualTo("TR/2026/1");
        assertThat(stored.late()).isTrue();
        assertThat(stored.recipients()).containsExactly(Recipient.NATIONAL_PANEL, Recipient.OFSTED);
        assertThat(notifications.children("n-1")).containsExactly(
                new NotificationRepository.StoredChild(3, null, "FEMALE", null, "NONE", "Zebedee Quillfeather", null),
                new NotificationRepository.StoredChild(0, 6, "MALE", "White British", "LOOKED_AFTER", null,
                        LocalDate.of(2026, 10, 20)));
        assertThat(notifications.find("n-2")).isEmpty();
        for (String table : List.of("child", "notification_recipient")) {
            assertThat(jdbc.sql("SELECT count(*) FROM " + table + " WHERE notification_id = 'n-2'").query(Long.class).single())
                    .as(table).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aStoredNotificationIsReadOnceForItsDeliveriesButAfreshWithinATransaction(String vendor, String url, String user,
                                                                                  String password) {
        Storage storage = migrated(vendor, url, user, password);
        PreparedStatements database = storage.database();
        NotificationRepository notifications = storage.notifications();
        NotificationRequest request = request("TR/2026/2", List.of(new NotificationRequest.Child(3, null,
                NotificationRequest.Sex.FEMALE, null, NotificationRequest.LegalStatus.NONE, null, null)));

        assertThat(notifications.find("n-1")).as("not stored yet").isEmpty();
        notifications.insertUnlessReferenceUsed("n-1", request, "sha-1", false, RECEIVED, "trust", Set.of(Recipient.OFSTED));
        assertThat(notifications.find("n-1")).as("a notification not found is not kept").isPresent();
        assertThat(notifications.find("n-1")).map(NotificationRepository.StoredNotification::recipients)
                .contains(List.of(Recipient.OFSTED));
        assertThat(database.startingWith("SELECT n.id")).as("reads").hasSize(2);

        new TransactionTemplate(new DataSourceTransactionManager(database)).executeWithoutResult(tx ->
                assertThat(notifications.find("n-1")).isPresent());
        assertThat(database.startingWith("SELECT n.id")).as("reads").hasSize(3);
    }

    /** A database after the hub's migrations, the statements prepared on it recorded, and the repository on it. */
    private record Storage(PreparedStatements database, JdbcClient jdbc, NotificationRepository notifications) {
    }

    private static Storage migrated(String vendor, String url, String user, String password) {
        Migrations.of(vendor, url, user, password).load().migrate();
        PreparedStatements database = new PreparedStatements(new DriverManagerDataSource(url, user, password));
        JdbcClient jdbc = JdbcClient.create(database);
        return new Storage(database, jdbc, new NotificationRepository(jdbc, CIPHER, new DatabaseProduct(database)));
    }

    private static NotificationRequest request(List<NotificationRequest.Child> children) {
        return request("TR/2026/1", children);
    }

    private static NotificationRequest request(String reference, List<NotificationRequest.Child> children) {
        return new NotificationRequest(reference, "E08000028",
                new NotificationRequest.Incident(NotificationRequest.IncidentType.DEATH, LocalDate.of(2026, 12, 1),
                        LocalDate.of(2026, 12, 2), NotificationRequest.Location.IN_AREA,
                        NotificationRequest.AbuseOrNeglect.SUSPECTED, "A summary"),
                children, new NotificationRequest.Notifier("Bea", "Social worker", "bea@trust.example.org", null));
    }
}
