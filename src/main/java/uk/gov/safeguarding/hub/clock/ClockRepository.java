package uk.gov.safeguarding.hub.clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.safeguarding.hub.database.DatabaseProduct;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

@Repository
public class ClockRepository {

    private static final String COLUMNS =
            "notification_id, clock, starts_on, deadline, calendar_covered, state, met_at, breached_at";
    // a notification in fan-out is asked about by each of its deliveries within seconds; thousands cover a burst
    private static final int STARTED_CLOCKS_REMEMBERED = 10_000;
    private final JdbcClient jdbc;
    private final StartedClocks started = new StartedClocks(STARTED_CLOCKS_REMEMBERED);
    private final boolean lookUpBeforeStarting;

    ClockRepository(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.lookUpBeforeStarting = database.isEmbeddedH2();
    }

    /**
     * Starts a clock unless it is already running; true when this call started it. A notification stored in the
     * current transaction ({@code newNotification}) has no clock yet, so none is looked up.
     */
    boolean startIfAbsent(String notificationId, ClockType clock, LocalDate startsOn, StatutoryDeadlines.Deadline deadline,
                          boolean newNotification) {
        if (!newNotification && started.isKnown(notificationId, clock)) {
            return false;
        }
        // every delivery of a notification starts its RAPID_REVIEW clock; on the embedded database it is looked up
        // first, as an insert that conflicts still writes (and undoes) pages there; a server only checks its index
        if (!newNotification && lookUpBeforeStarting && find(notificationId, clock).isPresent()) {
            started.remember(notificationId, clock);
            return false;
        }
        // ON CONFLICT DO NOTHING: concurrent first deliveries may race to start the same clock
        boolean startedHere = jdbc.sql("""
                        INSERT INTO statutory_clock (notification_id, clock, starts_on, deadline, calendar_covered, state)
                        VALUES (?, ?, ?, ?, ?, 'RUNNING') ON CONFLICT DO NOTHING""")
                .params(notificationId, clock.name(), startsOn, deadline.date(), deadline.calendarCovered())
                .update() == 1;
        started.remember(notificationId, clock);
        return startedHere;
    }

    /** A notification's clocks; each is remembered as started, so that its deliveries need not look it up again. */
    public List<StoredClock> forNotification(String notificationId) {
        List<StoredClock> clocks = jdbc.sql("SELECT " + COLUMNS + " FROM statutory_clock WHERE notification_id = ?")
                .param(notificationId)
                .query(ClockRepository::map)
                .list().stream().sorted((a, b) -> a.clock().compareTo(b.clock())).toList();
        clocks.forEach(found -> started.remember(notificationId, found.clock()));
        return clocks;
    }

    public Optional<StoredClock> find(String notificationId, ClockType clock) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM statutory_clock WHERE notification_id = ? AND clock = ?")
                .params(notificationId, clock.name())
                .query(ClockRepository::map)
                .optional();
    }

    List<StoredClock> runningWithDeadlineBefore(LocalDate day) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM statutory_clock WHERE state = 'RUNNING' AND deadline < ?")
                .param(day)
                .query(ClockRepository::map)
                .list();
    }

    boolean meet(String notificationId, ClockType clock, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE statutory_clock SET state = CASE WHEN state = 'RUNNING' THEN 'MET' ELSE state END, met_at = ?
                        WHERE notification_id = ? AND clock = ? AND met_at IS NULL""")
                .params(now, notificationId, clock.name())
                .update() == 1;
    }

    /** Pauses a clock whose duty is not yet done; false when it was not running (or breached). */
    boolean pause(String notificationId, ClockType clock) {
        return jdbc.sql("""
                        UPDATE statutory_clock SET state = 'PAUSED'
                        WHERE notification_id = ? AND clock = ? AND state IN ('RUNNING', 'BREACHED') AND met_at IS NULL""")
                .params(notificationId, clock.name()).update() == 1;
    }

    /** Runs a paused clock again to a new deadline; false when it was not paused. */
    boolean resume(String notificationId, ClockType clock, LocalDate deadline) {
        return jdbc.sql("""
                        UPDATE statutory_clock SET state = 'RUNNING', deadline = ?, breached_at = NULL
                        WHERE notification_id = ? AND clock = ? AND state = 'PAUSED'""")
                .params(deadline, notificationId, clock.name()).update() == 1;
    }

    boolean breach(String notificationId, ClockType clock, OffsetDateTime now) {
        return jdbc.sql("""
                        UPDATE statutory_clock SET state = 'BREACHED', breached_at = ?
                        WHERE notification_id = ? AND clock = ? AND state = 'RUNNING'""")
                .params(now, notificationId, clock.name())
                .update() == 1;
    }

    private static StoredClock map(ResultSet rs, int row) throws SQLException {
        return new StoredClock(rs.getString("notification_id"), ClockType.valueOf(rs.getString("clock")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                rs.getBoolean("calendar_covered"), ClockState.valueOf(rs.getString("state")),
                rs.getObject("met_at", OffsetDateTime.class), rs.getObject("breached_at", OffsetDateTime.class));
    }

    public record StoredClock(String notificationId, ClockType clock, LocalDate startsOn, LocalDate deadline,
                              boolean calendarCovered, ClockState state, OffsetDateTime metAt, OffsetDateTime breachedAt) {

        public boolean met() {
            return metAt != null;
        }

        public boolean paused() {
            return state == ClockState.PAUSED;
        }
    }
}
