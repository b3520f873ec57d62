package uk.gov.safeguarding.hub.clock;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

@Repository
public class ClockRepository {

    private final JdbcClient jdbc;

    ClockRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Starts a clock unless it is already running; true when this call started it. */
    boolean startIfAbsent(String notificationId, ClockType clock, LocalDate startsOn, StatutoryDeadlines.Deadline deadline) {
        // ON CONFLICT DO NOTHING: concurrent first deliveries may race to start the same clock
        return jdbc.sql("""
                        INSERT INTO statutory_clock (notification_id, clock, starts_on, deadline, calendar_covered, state)
                        VALUES (?, ?, ?, ?, ?, 'RUNNING') ON CONFLICT DO NOTHING""")
                .params(notificationId, clock.name(), startsOn, deadline.date(), deadline.calendarCovered())
                .update() == 1;
    }

    public List<StoredClock> forNotification(String notificationId) {
        return jdbc.sql("""
                        SELECT clock, starts_on, deadline, calendar_covered, state, met_at, breached_at
                        FROM statutory_clock WHERE notification_id = ?""")
                .param(notificationId)
                .query((rs, i) -> new StoredClock(ClockType.valueOf(rs.getString("clock")),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                        rs.getBoolean("calendar_covered"), rs.getString("state"),
                        rs.getObject("met_at", OffsetDateTime.class), rs.getObject("breached_at", OffsetDateTime.class)))
                .list().stream().sorted((a, b) -> a.clock().compareTo(b.clock())).toList();
    }

    public record StoredClock(ClockType clock, LocalDate startsOn, LocalDate deadline, boolean calendarCovered,
                              String state, OffsetDateTime metAt, OffsetDateTime breachedAt) {
    }
}
