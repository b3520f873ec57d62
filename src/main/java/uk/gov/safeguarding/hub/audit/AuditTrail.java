package uk.gov.safeguarding.hub.audit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The append-only record of every state change (SPEC §7): who did what, when. Never carries child data. Failure
 * causes and operators' reasons are kept apart as a restricted detail, which only operations read (SPEC §9).
 */
@Repository
public class AuditTrail {

    public static final String HUB = "hub";
    /** Who others see in place of an operator's username. */
    static final String OPERATIONS = "operations";
    private final JdbcClient jdbc;
    private final Clock clock;

    public AuditTrail(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public void record(String notificationId, AuditEvent event, String actor, String detail) {
        record(notificationId, event, actor, detail, null);
    }

    /** @param restrictedDetail a failure cause or an operator's reason: for operations' eyes only */
    public void record(String notificationId, AuditEvent event, String actor, String detail, String restrictedDetail) {
        String restricted = event.carriesRestrictedDetail() && restrictedDetail == null ? "" : restrictedDetail;
        jdbc.sql("INSERT INTO audit_event (notification_id, at, event, actor, detail, restricted_detail) VALUES (?, ?, ?, ?, ?, ?)")
                .params(notificationId, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)), event.name(), actor,
                        truncate(detail), truncate(restricted))
                .update();
    }

    /** A notification's trail as {@code forOperations} or anyone else may read it. */
    public List<Entry> forNotification(String notificationId, boolean forOperations) {
        return jdbc.sql("SELECT at, event, actor, detail, restricted_detail FROM audit_event WHERE notification_id = ? ORDER BY id")
                .param(notificationId)
                .query((rs, i) -> entry(rs.getObject("at", OffsetDateTime.class), AuditEvent.valueOf(rs.getString("event")),
                        rs.getString("actor"), rs.getString("detail"), rs.getString("restricted_detail"), forOperations))
                .list();
    }

    static Entry entry(OffsetDateTime at, AuditEvent event, String actor, String detail, String restricted,
                       boolean forOperations) {
        if (forOperations) {
            return new Entry(at, event.name(), actor,
                    restricted == null || restricted.isEmpty() ? detail : detail + ": " + restricted);
        }
        String shownActor = event.doneByOperator() ? OPERATIONS : actor;
        // entries written before V6 hold the cause inside detail; a restricted detail marks the newer ones
        String shownDetail = event.carriesRestrictedDetail() && restricted == null ? event.withheldDetail() : detail;
        return new Entry(at, event.name(), shownActor, shownDetail);
    }

    private static String truncate(String detail) {
        if (detail == null) {
            return null;
        }
        return detail.length() <= 2000 ? detail : detail.substring(0, 1997) + "...";
    }

    public record Entry(OffsetDateTime at, String event, String actor, String detail) {
    }
}
