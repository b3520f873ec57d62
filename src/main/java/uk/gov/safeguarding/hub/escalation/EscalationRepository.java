package uk.gov.safeguarding.hub.escalation;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.database.MultiRowInsert;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The escalation rows. Every state change is a conditional UPDATE on the row's current state, so that when several
 * hub instances race for the same rung exactly one of them wins.
 */
@Repository
class EscalationRepository {

    private static final String COLUMNS = "notification_id, clock, rung, due_at, state, recipients, attempts, claimed_at, fired_at";
    private static final String KEY = " WHERE notification_id = ? AND clock = ? AND rung = ?";
    private static final MultiRowInsert SCHEDULE = MultiRowInsert.into(
            "INSERT INTO escalation (notification_id, clock, rung, due_at, state, recipients)", "(?, ?, ?, ?, 'SCHEDULED', ?)")
            .onConflictDoNothing();
    private final JdbcClient jdbc;

    EscalationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void schedule(EscalationKey key, OffsetDateTime dueAt, List<String> recipients) {
        scheduleAll(List.of(new Scheduled(key, dueAt, recipients)));
    }

    /** Several rungs in one statement: a clock's whole ladder is one round trip to the database. */
    void scheduleAll(List<Scheduled> rungs) {
        SCHEDULE.run(jdbc, rungs, scheduled -> List.of(scheduled.key().notificationId(), scheduled.key().clock().name(),
                scheduled.key().rung(), scheduled.dueAt(), String.join(",", scheduled.recipients())));
    }

    /** A rung to schedule: due at {@code dueAt}, to be sent to {@code recipients}. */
    record Scheduled(EscalationKey key, OffsetDateTime dueAt, List<String> recipients) {
    }

    Optional<Row> find(EscalationKey key) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation" + KEY)
                .params(key.notificationId(), key.clock().name(), key.rung()).query(EscalationRepository::map).optional();
    }

    /** The rows of several keys, in one query. */
    List<Row> findAll(Collection<EscalationKey> keys) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Set<EscalationKey> wanted = Set.copyOf(keys);
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation WHERE notification_id IN (:ids)")
                .param("ids", keys.stream().map(EscalationKey::notificationId).collect(Collectors.toSet()))
                .query(EscalationRepository::map).list().stream().filter(row -> wanted.contains(row.key())).toList();
    }

    List<Row> scheduledDueBy(OffsetDateTime now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation WHERE state = 'SCHEDULED' AND due_at <= ? ORDER BY due_at")
                .param(now).query(EscalationRepository::map).list();
    }

    List<Row> claimedButNotPublishedBefore(OffsetDateTime cutoff) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation WHERE state = 'DUE' AND published_at IS NULL AND claimed_at < ?")
                .param(cutoff).query(EscalationRepository::map).list();
    }

    List<Row> fired(String notificationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation WHERE notification_id = ? AND state = 'FIRED' ORDER BY fired_at")
                .param(notificationId).query(EscalationRepository::map).list();
    }

    List<Row> recentlyFired(int limit) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM escalation WHERE state = 'FIRED' ORDER BY fired_at DESC LIMIT ?")
                .param(limit).query(EscalationRepository::map).list();
    }

    boolean claim(EscalationKey key, OffsetDateTime now) {
        return transition(key, "state = 'DUE', claimed_at = ?", "state = 'SCHEDULED'", now);
    }

    boolean reclaim(EscalationKey key, OffsetDateTime previousClaim, OffsetDateTime now) {
        return jdbc.sql("UPDATE escalation SET claimed_at = ?" + KEY + " AND state = 'DUE' AND published_at IS NULL AND claimed_at = ?")
                .params(now, key.notificationId(), key.clock().name(), key.rung(), previousClaim).update() == 1;
    }

    boolean skip(EscalationKey key) {
        return transition(key, "state = 'SKIPPED'", "state = 'SCHEDULED'");
    }

    void markPublished(EscalationKey key, OffsetDateTime now) {
        transition(key, "published_at = ?", "published_at IS NULL", now);
    }

    boolean fire(EscalationKey key, OffsetDateTime now) {
        return transition(key, "state = 'FIRED', fired_at = ?", "state = 'DUE'", now);
    }

    boolean cancel(EscalationKey key) {
        return transition(key, "state = 'CANCELLED'", "state IN ('SCHEDULED', 'DUE')");
    }

    void cancelAll(String notificationId, ClockType clock) {
        jdbc.sql("UPDATE escalation SET state = 'CANCELLED' WHERE notification_id = ? AND clock = ? AND state IN ('SCHEDULED', 'DUE')")
                .params(notificationId, clock.name()).update();
    }

    /** Holds the rungs still to fire of a paused clock (an embargoed publication); they fire once it resumes. */
    void pauseAll(String notificationId, ClockType clock) {
        jdbc.sql("UPDATE escalation SET state = 'PAUSED' WHERE notification_id = ? AND clock = ? AND state IN ('SCHEDULED', 'DUE')")
                .params(notificationId, clock.name()).update();
    }

    /** A held rung due again at {@code dueAt}: false when the rung was not held (it fired, or never was). */
    boolean reschedule(EscalationKey key, OffsetDateTime dueAt) {
        return transition(key, "state = 'SCHEDULED', due_at = ?, claimed_at = NULL, published_at = NULL",
                "state = 'PAUSED'", dueAt);
    }

    /** A rung claimed while its clock was being paused is held with the others. */
    boolean hold(EscalationKey key) {
        return transition(key, "state = 'PAUSED'", "state = 'DUE'");
    }

    int recordFailure(EscalationKey key, String cause) {
        jdbc.sql("UPDATE escalation SET attempts = attempts + 1, last_error = ?" + KEY)
                .params(cause.length() > 1000 ? cause.substring(0, 1000) : cause, key.notificationId(), key.clock().name(), key.rung())
                .update();
        return find(key).map(Row::attempts).orElse(0);
    }

    boolean resetForRetry(EscalationKey key) {
        return transition(key, "state = 'DUE', attempts = 0, last_error = NULL", "state IN ('DEAD_LETTERED', 'DUE')");
    }

    boolean markDiscarded(EscalationKey key) {
        return transition(key, "state = 'DISCARDED'", "state IN ('DEAD_LETTERED', 'DUE')");
    }

    boolean markDeadLettered(EscalationKey key) {
        return transition(key, "state = 'DEAD_LETTERED'", "state = 'DUE'");
    }

    private boolean transition(EscalationKey key, String set, String when, Object... setParams) {
        Object[] params = new Object[setParams.length + 3];
        System.arraycopy(setParams, 0, params, 0, setParams.length);
        params[setParams.length] = key.notificationId();
        params[setParams.length + 1] = key.clock().name();
        params[setParams.length + 2] = key.rung();
        return jdbc.sql("UPDATE escalation SET " + set + KEY + " AND " + when).params(params).update() == 1;
    }

    private static Row map(ResultSet rs, int row) throws SQLException {
        return new Row(new EscalationKey(rs.getString("notification_id"), ClockType.valueOf(rs.getString("clock")),
                rs.getString("rung")), rs.getObject("due_at", OffsetDateTime.class), EscalationState.valueOf(rs.getString("state")),
                Arrays.asList(rs.getString("recipients").split(",")), rs.getInt("attempts"),
                rs.getObject("claimed_at", OffsetDateTime.class), rs.getObject("fired_at", OffsetDateTime.class));
    }

    record Row(EscalationKey key, OffsetDateTime dueAt, EscalationState state, List<String> recipients, int attempts,
               OffsetDateTime claimedAt, OffsetDateTime firedAt) {
    }
}
