package uk.gov.safeguarding.hub.casefile;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.gov.safeguarding.hub.clock.ClockType;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A read across notifications and their clocks: which clocks are open, for whom. It changes nothing. */
@Repository
class OpenClocksQuery {

    private final JdbcClient jdbc;

    OpenClocksQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The unmet statutory clocks of the notifications in scope, nearest deadline first; with {@code overdueOn}, only
     * those breached or whose deadline is before that day.
     */
    List<OpenClock> find(ReadScope scope, LocalDate overdueOn, int limit) {
        if (scope.empty()) {
            return List.of();
        }
        StringBuilder sql = new StringBuilder("""
                SELECT n.id, n.trust_reference, n.local_authority, c.clock, c.starts_on, c.deadline, c.state
                FROM statutory_clock c JOIN notification n ON n.id = c.notification_id
                WHERE c.met_at IS NULL""");
        Map<String, Object> params = new HashMap<>();
        scope.appendTo(sql, params);
        if (overdueOn != null) {
            sql.append(" AND (c.state = 'BREACHED' OR c.deadline < :overdueOn)");
            params.put("overdueOn", overdueOn);
        }
        sql.append(" ORDER BY c.deadline, n.id, c.clock LIMIT :limit");
        params.put("limit", limit);
        return jdbc.sql(sql.toString()).params(params)
                .query((rs, row) -> new OpenClock(rs.getString("id"), rs.getString("trust_reference"),
                        rs.getString("local_authority"), ClockType.valueOf(rs.getString("clock")),
                        rs.getObject("starts_on", LocalDate.class), rs.getObject("deadline", LocalDate.class),
                        rs.getString("state")))
                .list();
    }

    record OpenClock(String notificationId, String trustReference, String localAuthority, ClockType clock,
                     LocalDate startsOn, LocalDate deadline, String state) {
    }
}
