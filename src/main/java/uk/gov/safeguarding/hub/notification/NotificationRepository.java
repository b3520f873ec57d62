package uk.gov.safeguarding.hub.notification;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import uk.gov.safeguarding.hub.database.DatabaseProduct;
import uk.gov.safeguarding.hub.database.MultiRowInsert;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.security.ChildDataCipher;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

@Repository
public class NotificationRepository {

    private static final String NOTIFICATION_INSERT = """
            INSERT INTO notification (id, trust_reference, local_authority, request_sha256, incident_type,
              occurred_on, aware_on, location, abuse_or_neglect, summary, notifier_name, notifier_role,
              notifier_email, notifier_phone, late, received_at, received_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING""";
    private static final String CHILD_COLUMNS = """
            child (notification_id, position, age_years, age_weeks, sex, ethnicity, legal_status,
              name_encrypted, date_of_birth_encrypted)""";
    private static final MultiRowInsert CHILDREN = MultiRowInsert.into("INSERT INTO " + CHILD_COLUMNS,
            "(?, ?, ?, ?, ?, ?, ?, ?, ?)");
    private static final MultiRowInsert RECIPIENTS = MultiRowInsert.into(
            "INSERT INTO notification_recipient (notification_id, recipient)", "(?, ?)");
    // a child's columns after its notification's id, typed: PostgreSQL cannot tell a parameter's type in a VALUES list
    private static final String TYPED_CHILD = """
            (CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
              CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR))""";

    // enough for the deliveries of a burst's notifications, which the broker hands out side by side; a notification
    // may carry a summary of 4,000 characters
    private static final int NOTIFICATIONS_KEPT = 512;

    private final JdbcClient jdbc;
    private final ChildDataCipher cipher;
    private final boolean storedInOneStatement;
    private final Cache<String, StoredNotification> recentlyRead = Caffeine.newBuilder().maximumSize(NOTIFICATIONS_KEPT).build();

    NotificationRepository(JdbcClient jdbc, ChildDataCipher cipher, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        // H2 takes no INSERT inside WITH
        this.storedInOneStatement = !database.isEmbeddedH2();
    }

    /**
     * Stores a notification with its children and recipients, unless its local authority already has one with this
     * trust reference: false then, and nothing is stored. On a database server the three go in one statement (the
     * children and recipients inserted only with the notification), a round trip and a statement for the server
     * instead of three.
     */
    boolean insertUnlessReferenceUsed(String id, NotificationRequest request, String requestSha256, boolean late,
                                      OffsetDateTime receivedAt, String receivedBy, Set<Recipient> recipients) {
        NotificationRequest.Incident incident = request.incident();
        NotificationRequest.Notifier notifier = request.notifier();
        List<Object> notification = Arrays.asList(id, request.trustReference(), request.localAuthority(), requestSha256,
                incident.type().name(), incident.occurredOn(), incident.awareOn(), incident.location().name(),
                incident.abuseOrNeglect().name(), incident.summary(), notifier.name(), notifier.role(),
                notifier.email(), notifier.phone(), late, receivedAt, receivedBy);
        List<NotificationRequest.Child> children = request.children();
        List<List<Object>> childRows = IntStream.range(0, children.size()).mapToObj(i -> {
            NotificationRequest.Child child = children.get(i);
            return Arrays.<Object>asList(i, child.ageYears(), child.ageWeeks(), child.sex().name(), child.ethnicity(),
                    child.legalStatus().name(), cipher.seal(child.name(), ChildFields.name(id, i)),
                    cipher.seal(child.dateOfBirth() == null ? null : child.dateOfBirth().toString(),
                            ChildFields.dateOfBirth(id, i)));
        }).toList();
        List<String> recipientNames = recipients.stream().map(Recipient::name).sorted().toList();
        if (storedInOneStatement) {
            return insertTogether(notification, childRows, recipientNames);
        }
        if (jdbc.sql(NOTIFICATION_INSERT).params(notification).update() != 1) {
            return false;
        }
        CHILDREN.run(jdbc, childRows, row -> prepend(id, row));
        RECIPIENTS.run(jdbc, recipientNames, recipient -> List.of(id, recipient));
        return true;
    }

    private boolean insertTogether(List<Object> notification, List<List<Object>> childRows, List<String> recipients) {
        StringBuilder sql = new StringBuilder("WITH stored AS (").append(NOTIFICATION_INSERT).append(" RETURNING id)");
        List<Object> params = new ArrayList<>(notification);
        if (!childRows.isEmpty()) {
            sql.append(", children AS (INSERT INTO ").append(CHILD_COLUMNS).append(" SELECT stored.id, given.* FROM stored, (VALUES ")
                    .append(String.join(", ", Collections.nCopies(childRows.size(), TYPED_CHILD))).append(") AS given)");
            childRows.forEach(params::addAll);
        }
        if (!recipients.isEmpty()) {
            sql.append(", recipients AS (INSERT INTO notification_recipient (notification_id, recipient)")
                    .append(" SELECT stored.id, given.recipient FROM stored, (VALUES ")
                    .append(String.join(", ", Collections.nCopies(recipients.size(), "(CAST(? AS VARCHAR))")))
                    .append(") AS given (recipient))");
            params.addAll(recipients);
        }
        sql.append(" SELECT count(*) FROM stored");
        return jdbc.sql(sql.toString()).params(params).query(Long.class).single() == 1;
    }

    private static List<Object> prepend(String id, List<Object> row) {
        List<Object> values = new ArrayList<>(row.size() + 1);
        values.add(id);
        values.addAll(row);
        return values;
    }

    Optional<StoredReference> findByReference(String localAuthority, String trustReference) {
        return jdbc.sql("SELECT id, request_sha256 FROM notification WHERE local_authority = ? AND trust_reference = ?")
                .params(localAuthority, trustReference)
                .query((rs, i) -> new StoredReference(rs.getString("id"), rs.getString("request_sha256")))
                .optional();
    }

    /**
     * The notification with its recipients. What this reads of a notification never changes once it is stored, and
     * each of its deliveries reads it within moments of the others: read outside a transaction (so committed), it is
     * kept for the next reader, and readers at the same moment wait for one read. Within a transaction it is read
     * afresh, as that transaction may be storing it.
     */
    public Optional<StoredNotification> find(String id) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            return read(id);
        }
        return Optional.ofNullable(recentlyRead.get(id, unread -> read(unread).orElse(null)));
    }

    /** In one query: a row per recipient, the notification read from the first. */
    private Optional<StoredNotification> read(String id) {
        List<StoredNotification> found = new ArrayList<>(1);
        List<Recipient> recipients = new ArrayList<>();
        jdbc.sql("""
                        SELECT n.id, n.trust_reference, n.local_authority, n.incident_type, n.occurred_on, n.aware_on,
                               n.location, n.abuse_or_neglect, n.summary, n.late, n.received_at, r.recipient
                        FROM notification n LEFT JOIN notification_recipient r ON r.notification_id = n.id
                        WHERE n.id = ?""")
                .param(id)
                .query(rs -> {
                    if (found.isEmpty()) {
                        found.add(new StoredNotification(rs.getString("id"), rs.getString("trust_reference"),
                                rs.getString("local_authority"), NotificationRequest.IncidentType.valueOf(rs.getString("incident_type")),
                                rs.getObject("occurred_on", LocalDate.class), rs.getObject("aware_on", LocalDate.class),
                                rs.getString("location"), rs.getString("abuse_or_neglect"), rs.getString("summary"),
                                rs.getBoolean("late"), rs.getObject("received_at", OffsetDateTime.class), List.of()));
                    }
                    if (rs.getString("recipient") != null) {
                        recipients.add(Recipient.valueOf(rs.getString("recipient")));
                    }
                });
        return found.stream().findFirst().map(notification -> notification.withRecipients(recipients.stream().sorted().toList()));
    }

    /** Records a recipient's acknowledgement unless it already acknowledged; true when this call recorded it. */
    public boolean acknowledge(String notificationId, Recipient recipient, OffsetDateTime at, String actor) {
        return jdbc.sql("""
                        UPDATE notification_recipient SET acknowledged_at = ?, acknowledged_by = ?
                        WHERE notification_id = ? AND recipient = ? AND acknowledged_at IS NULL""")
                .params(at, actor, notificationId, recipient.name())
                .update() == 1;
    }

    /** When each recipient acknowledged; a recipient that has not is absent. */
    public Map<Recipient, OffsetDateTime> acknowledgements(String notificationId) {
        Map<Recipient, OffsetDateTime> acknowledged = new EnumMap<>(Recipient.class);
        jdbc.sql("SELECT recipient, acknowledged_at FROM notification_recipient WHERE notification_id = ? AND acknowledged_at IS NOT NULL")
                .param(notificationId)
                .query(rs -> {
                    acknowledged.put(Recipient.valueOf(rs.getString(1)), rs.getObject(2, OffsetDateTime.class));
                });
        return acknowledged;
    }

    public List<Recipient> unacknowledged(String notificationId) {
        return unacknowledged(List.of(notificationId)).getOrDefault(notificationId, List.of());
    }

    /** The recipients of each of {@code notificationIds} that have not acknowledged, in one query. */
    public Map<String, List<Recipient>> unacknowledged(Collection<String> notificationIds) {
        if (notificationIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Recipient>> outstanding = new HashMap<>();
        jdbc.sql("""
                        SELECT notification_id, recipient FROM notification_recipient
                        WHERE notification_id IN (:ids) AND acknowledged_at IS NULL ORDER BY notification_id, recipient""")
                .param("ids", notificationIds)
                .query(rs -> {
                    outstanding.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(Recipient.valueOf(rs.getString(2)));
                });
        outstanding.values().forEach(recipients -> recipients.sort(null));
        return outstanding;
    }

    /** Records the rapid-review outcome once; the stored outcome, which may be an earlier one. */
    public RapidReview recordRapidReview(String notificationId, LocalDate decidedOn, String decision) {
        jdbc.sql("""
                        UPDATE notification SET rapid_review_decided_on = ?, rapid_review_decision = ?
                        WHERE id = ? AND rapid_review_decision IS NULL""")
                .params(decidedOn, decision, notificationId)
                .update();
        return rapidReview(notificationId).orElseThrow();
    }

    public Optional<RapidReview> rapidReview(String notificationId) {
        return jdbc.sql("SELECT rapid_review_decided_on, rapid_review_decision FROM notification WHERE id = ? AND rapid_review_decision IS NOT NULL")
                .param(notificationId)
                .query((rs, i) -> new RapidReview(rs.getObject(1, LocalDate.class), rs.getString(2)))
                .optional();
    }

    /** Records the LCSPR publication date once; the stored date, which may be an earlier one. */
    public LocalDate recordPublication(String notificationId, LocalDate publishedOn) {
        jdbc.sql("UPDATE notification SET published_on = ? WHERE id = ? AND published_on IS NULL")
                .params(publishedOn, notificationId).update();
        return jdbc.sql("SELECT published_on FROM notification WHERE id = ?").param(notificationId)
                .query(LocalDate.class).single();
    }

    /** Records the National Panel's response once; false when one was already recorded. */
    public boolean recordPanelResponse(String notificationId, LocalDate respondedOn, boolean concurs, String comment) {
        return jdbc.sql("""
                        UPDATE notification SET panel_responded_on = ?, panel_concurs = ?, panel_comment = ?
                        WHERE id = ? AND panel_responded_on IS NULL""")
                .params(respondedOn, concurs, comment, notificationId).update() == 1;
    }

    /** Records the notice of the LCSPR's planned publication once; false when one was already given. */
    public boolean recordPublicationPlan(String notificationId, LocalDate plannedOn, LocalDate givenOn, boolean late) {
        return jdbc.sql("""
                        UPDATE notification SET publication_planned_on = ?, publication_notice_given_on = ?,
                          publication_notice_late = ? WHERE id = ? AND publication_planned_on IS NULL""")
                .params(plannedOn, givenOn, late, notificationId).update() == 1;
    }

    /** Every step of the review stage recorded so far (SPEC §11); absent steps are null. */
    public ReviewStage reviewStage(String notificationId) {
        return jdbc.sql("""
                        SELECT rapid_review_decided_on, rapid_review_decision, panel_responded_on, panel_concurs,
                               panel_comment, publication_planned_on, publication_notice_given_on,
                               publication_notice_late, published_on
                        FROM notification WHERE id = ?""")
                .param(notificationId)
                .query((rs, i) -> new ReviewStage(rs.getObject("rapid_review_decided_on", LocalDate.class),
                        rs.getString("rapid_review_decision"), rs.getObject("panel_responded_on", LocalDate.class),
                        (Boolean) rs.getObject("panel_concurs"), rs.getString("panel_comment"),
                        rs.getObject("publication_planned_on", LocalDate.class),
                        rs.getObject("publication_notice_given_on", LocalDate.class),
                        (Boolean) rs.getObject("publication_notice_late"), rs.getObject("published_on", LocalDate.class)))
                .single();
    }

    /** The children of a notification with their identifying fields decrypted; for authenticated deliveries only. */
    public List<StoredChild> children(String notificationId) {
        return jdbc.sql("""
                        SELECT position, age_years, age_weeks, sex, ethnicity, legal_status, name_encrypted,
                          date_of_birth_encrypted
                        FROM child WHERE notification_id = ? ORDER BY position""")
                .param(notificationId)
                .query((rs, i) -> {
                    int position = rs.getInt("position");
                    String dateOfBirth = cipher.open(rs.getString("date_of_birth_encrypted"),
                            ChildFields.dateOfBirth(notificationId, position));
                    return new StoredChild(rs.getInt("age_years"), (Integer) rs.getObject("age_weeks"),
                            rs.getString("sex"), rs.getString("ethnicity"), rs.getString("legal_status"),
                            cipher.open(rs.getString("name_encrypted"), ChildFields.name(notificationId, position)),
                            dateOfBirth == null ? null : LocalDate.parse(dateOfBirth));
                })
                .list();
    }

    public record RapidReview(LocalDate decidedOn, String decision) {
    }

    /**
     * @param decision          LCSPR or NO_LCSPR, once the rapid review is recorded
     * @param panelConcurs      whether the National Panel concurred, once it responded
     * @param noticeLate        the publication notice came fewer than 7 working days before {@code plannedOn}
     */
    public record ReviewStage(LocalDate decidedOn, String decision, LocalDate panelRespondedOn, Boolean panelConcurs,
                              String panelComment, LocalDate plannedOn, LocalDate noticeGivenOn, Boolean noticeLate,
                              LocalDate publishedOn) {
    }

    record StoredReference(String id, String requestSha256) {
    }

    public record StoredNotification(String id, String trustReference, String localAuthority,
                                     NotificationRequest.IncidentType incidentType, LocalDate occurredOn,
                                     LocalDate awareOn, String location, String abuseOrNeglect, String summary,
                                     boolean late, OffsetDateTime receivedAt, List<Recipient> recipients) {

        StoredNotification withRecipients(List<Recipient> routed) {
            return new StoredNotification(id, trustReference, localAuthority, incidentType, occurredOn, awareOn, location,
                    abuseOrNeglect, summary, late, receivedAt, routed);
        }
    }

    public record StoredChild(int ageYears, Integer ageWeeks, String sex, String ethnicity, String legalStatus,
                              String name, LocalDate dateOfBirth) {
    }

}
