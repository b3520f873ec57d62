package uk.gov.safeguarding.hub.casefile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A read across notifications and their clocks: the notifications a caller may read, newest first, filtered. */
@Repository
class NotificationListQuery {

    private final JdbcClient jdbc;

    NotificationListQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param scope            what the caller may read
     * @param authority        one authority of those, or null for all
     * @param clockState       the NOTIFICATION clock's state (RUNNING, MET, BREACHED), or null for any
     * @param today            the hub's day, from which "overdue" counts
     * @param overdueOnly      only those with a clock still unmet past its deadline
     */
    List<Row> find(ReadScope scope, String authority, String clockState, LocalDate today, boolean overdueOnly,
                   int offset, int limit) {
        if (scope.empty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT n.id, n.trust_reference, n.local_authority, n.incident_type, n.aware_on, n.received_at, n.late,
                       c.state AS notification_clock, c.deadline AS notification_deadline,
                       EXISTS (SELECT 1 FROM statutory_clock o WHERE o.notification_id = n.id AND o.met_at IS NULL
                               AND (o.state = 'BREACHED' OR o.deadline < :today)) AS overdue
                FROM notification n
                LEFT JOIN statutory_clock c ON c.notification_id = n.id AND c.clock = 'NOTIFICATION'
                WHERE 1 = 1""");
        Map<String, Object> params = new HashMap<>();
        params.put("today", today);
        scope.appendTo(sql, params);
        if (authority != null) {
            sql.append(" AND n.local_authority = :authority");
            params.put("authority", authority);
        }
        if (clockState != null) {
            sql.append(" AND c.state = :clockState");
            params.put("clockState", clockState);
        }
        if (overdueOnly) {
            sql.append("""
                     AND EXISTS (SELECT 1 FROM statutory_clock o WHERE o.notification_id = n.id AND o.met_at IS NULL
                                 AND (o.state = 'BREACHED' OR o.deadline < :today))""");
        }
        sql.append(" ORDER BY n.received_at DESC, n.id LIMIT :limit OFFSET :offset");
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, i) -> new Row(rs.getString("id"), rs.getString("trust_reference"),
                        rs.getString("local_authority"), rs.getString("incident_type"),
                        rs.getObject("aware_on", LocalDate.class), rs.getObject("received_at", OffsetDateTime.class),
                        rs.getBoolean("late"), rs.getString("notification_clock"),
                        rs.getObject("notification_deadline", LocalDate.class), rs.getBoolean("overdue")))
                .list();
    }

    record Row(String id, String trustReference, String localAuthority, String incidentType, LocalDate awareOn,
               OffsetDateTime receivedAt, boolean late, String notificationClock, LocalDate notificationDeadline,
               boolean overdue) {
    }
}
