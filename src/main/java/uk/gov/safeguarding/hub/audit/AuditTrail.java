package uk.gov.safeguarding.hub.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** The append-only record of every state change (SPEC §7): who did what, when. Never carries child data. */
@Repository
public class AuditTrail {

    public static final String HUB = "hub";
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String notificationId, AuditEvent event, String actor, String detail) {
        jdbc.sql("INSERT INTO audit_event (notification_id, at, event, actor, detail) VALUES (?, ?, ?, ?, ?)")
                .params(notificationId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), event.name(), actor,
                        detail == null ? null : truncate(detail))
                .update();
    }

    public List<Entry> forNotification(String notificationId) {
        return jdbc.sql("SELECT at, event, actor, detail FROM audit_event WHERE notification_id = ? ORDER BY id")
                .param(notificationId)
                .query((rs, i) -> new Entry(rs.getObject("at", OffsetDateTime.class), rs.getString("event"),
                        rs.getString("actor"), rs.getString("detail")))
                .list();
    }

    private static String truncate(String detail) {
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    public record Entry(OffsetDateTime at, String event, String actor, String detail) {
    }
}
