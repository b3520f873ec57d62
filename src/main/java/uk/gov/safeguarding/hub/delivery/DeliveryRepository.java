package uk.gov.safeguarding.hub.delivery;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.safeguarding.hub.database.MultiRowInsert;
import uk.gov.safeguarding.hub.database.TimeOrderedIds;
import uk.gov.safeguarding.hub.routing.Channel;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

@Repository
public class DeliveryRepository {

    private static final String COLUMNS =
            "id, notification_id, kind, recipient, channel, state, attempts, last_error, sent_at, acknowledged_at";
    private static final MultiRowInsert PLAN = MultiRowInsert.into("""
            INSERT INTO delivery (id, notification_id, kind, recipient, channel, state, attempts, created_at,
              outbox_claimed_at)""", "(?, ?, ?, ?, ?, 'PENDING', 0, ?, ?)");
    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    DeliveryRepository(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Plans a notification's deliveries of one kind in the caller's transaction, in one statement, each claimed for
     * this instance's outbox relay, which puts it on the broker after commit. Answers the deliveries' ids.
     */
    List<String> plan(String notificationId, DeliveryKind kind, List<Route> routes, OffsetDateTime now) {
        List<Map.Entry<String, Route>> planned = routes.stream()
                .map(route -> Map.entry(TimeOrderedIds.next(), route))
                .toList();
        PLAN.run(jdbc, planned, delivery -> List.of(delivery.getKey(), notificationId, kind.name(),
                delivery.getValue().recipient().name(), delivery.getValue().channel().name(), now, now));
        return planned.stream().map(Map.Entry::getKey).toList();
    }

    /** One delivery to plan: a recipient by one of its channels. */
    record Route(Recipient recipient, Channel channel) {
    }

    public Optional<StoredDelivery> find(String id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id = ?").param(id).query(DeliveryRepository::map).optional();
    }

    /** Several deliveries by id, in one query. */
    List<StoredDelivery> findAll(Collection<String> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE id IN (:ids)").param("ids", ids)
                .query(DeliveryRepository::map).list();
    }

    public List<StoredDelivery> forNotification(String notificationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM delivery WHERE notification_id = ? ORDER BY kind, recipient, channel")
                .param(notificationId).query(DeliveryRepository::map).list();
    }

    /** Unpublished deliveries no relay holds a live claim on. */
    List<String> unpublished(OffsetDateTime staleBefore, int limit) {
        return jdbc.sql("""
                        SELECT id FROM delivery
                        WHERE published_at IS NULL AND (outbox_claimed_at IS NULL OR outbox_claimed_at < ?)
                        ORDER BY created_at LIMIT ?""")
                .params(staleBefore, limit).query((rs, i) -> rs.getString(1)).list();
    }

    /**
     * Claims, in the caller's transaction, those of these unpublished deliveries that no other relay holds a live
     * claim on, and returns them: one batch of updates, each claimed row counted by its own update.
     */
    List<String> claimForPublication(List<String> ids, OffsetDateTime now, OffsetDateTime staleBefore) {
        int[] updated = batch.batchUpdate("""
                        UPDATE delivery SET outbox_claimed_at = ?
                        WHERE id = ? AND published_at IS NULL AND (outbox_claimed_at IS NULL OR outbox_claimed_at < ?)""",
                ids.stream().map(id -> new Object[]{now, id, staleBefore}).toList());
        List<String> claimed = new ArrayList<>(ids.size());
        for (int i = 0; i < ids.size(); i++) {
            if (updated[i] == 1) {
                claimed.add(ids.get(i));
            }
        }
        return claimed;
    }

    /**
     * Marks published, in the caller's transaction, those of these deliveries that no transaction holds: a row being
     * recorded as sent at this moment (by a shared commit of several deliveries) is skipped, never waited for, so
     * that the two cannot deadlock; its claim goes stale and it is published again, and the repeat is ignored as no
     * longer PENDING. The rows are locked first and then updated by key: one UPDATE over a sub-select made H2 scan
     * the whole table for every batch (86 % of the relay's CPU in a profile).
     */
    void markPublished(List<String> ids, OffsetDateTime now) {
        List<String> free = jdbc.sql("SELECT id FROM delivery WHERE id IN (:ids) AND published_at IS NULL FOR UPDATE SKIP LOCKED")
                .param("ids", ids).query(String.class).list();
        if (!free.isEmpty()) {
            jdbc.sql("UPDATE delivery SET published_at = :now WHERE id IN (:ids)").param("now", now).param("ids", free).update();
        }
    }

    /** Records a successful attempt; false when the delivery was no longer PENDING (made by a concurrent attempt). */
    boolean markSent(String id, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE delivery SET state = 'SENT', attempts = attempts + 1, sent_at = ?, last_error = NULL
                        WHERE id = ? AND state = 'PENDING'""")
                .params(now, id).update() == 1;
    }

    /** Counts a failed attempt and returns the attempts made so far. */
    int recordFailure(String id, String cause) {
        jdbc.sql("UPDATE delivery SET attempts = attempts + 1, last_error = ? WHERE id = ?")
                .params(truncate(cause), id).update();
        return jdbc.sql("SELECT attempts FROM delivery WHERE id = ?").param(id).query(Integer.class).single();
    }

    /**
     * Marks a recipient's delivered deliveries of one kind acknowledged; others keep their state and gain the time.
     * True when this call recorded it (the first acknowledgement counts).
     */
    public boolean markAcknowledged(String notificationId, DeliveryKind kind, Recipient recipient, OffsetDateTime at) {
        return jdbc.sql("""
                        UPDATE delivery SET acknowledged_at = ?, state = CASE WHEN state = 'SENT' THEN 'ACKNOWLEDGED' ELSE state END
                        WHERE notification_id = ? AND kind = ? AND recipient = ? AND acknowledged_at IS NULL""")
                .params(at, notificationId, kind.name(), recipient.name()).update() > 0;
    }

    /** When a recipient first acknowledged a delivery of this kind, if it has. */
    public Optional<OffsetDateTime> acknowledgedAt(String notificationId, DeliveryKind kind, Recipient recipient) {
        return jdbc.sql("""
                        SELECT MIN(acknowledged_at) FROM delivery WHERE notification_id = ? AND kind = ? AND recipient = ?""")
                .params(notificationId, kind.name(), recipient.name())
                .query((rs, i) -> rs.getObject(1, OffsetDateTime.class)).optional();
    }

    boolean resetForRetry(String id) {
        return jdbc.sql("""
                        UPDATE delivery SET state = 'PENDING', attempts = 0, last_error = NULL
                        WHERE id = ? AND state IN ('DEAD_LETTERED', 'PENDING')""")
                .param(id).update() == 1;
    }

    boolean markDiscarded(String id) {
        return jdbc.sql("UPDATE delivery SET state = 'DISCARDED' WHERE id = ? AND state IN ('DEAD_LETTERED', 'PENDING')")
                .param(id).update() == 1;
    }

    boolean markDeadLettered(String id) {
        return jdbc.sql("UPDATE delivery SET state = 'DEAD_LETTERED' WHERE id = ? AND state = 'PENDING'")
                .param(id).update() == 1;
    }

    /** How many deliveries each recipient has in each state, keyed "RECIPIENT/STATE". */
    public Map<String, Long> countsByRecipientAndState() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("SELECT recipient, state, count(*) FROM delivery GROUP BY recipient, state")
                .query(rs -> {
                    counts.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        return counts;
    }

    private static String truncate(String cause) {
        return cause == null || cause.length() <= 1000 ? cause : cause.substring(0, 997) + "...";
    }

    private static StoredDelivery map(ResultSet rs, int row) throws SQLException {
        return new StoredDelivery(rs.getString("id"), rs.getString("notification_id"),
                DeliveryKind.valueOf(rs.getString("kind")), Recipient.valueOf(rs.getString("recipient")), Channel.valueOf(rs.getString("channel")),
                DeliveryState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getString("last_error"),
                rs.getObject("sent_at", OffsetDateTime.class), rs.getObject("acknowledged_at", OffsetDateTime.class));
    }

    public record StoredDelivery(String id, String notificationId, DeliveryKind kind, Recipient recipient, Channel channel,
                                 DeliveryState state, int attempts, String lastError, OffsetDateTime sentAt,
                                 OffsetDateTime acknowledgedAt) {
    }
}
