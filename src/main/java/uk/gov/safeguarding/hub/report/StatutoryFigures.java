package uk.gov.safeguarding.hub.report;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures a safeguarding partnership gives every year (SPEC §11), per financial year (1 April to 31 March) of
 * the notifications' {@code aware_on}: counted by the database in one aggregate query, whatever the number of cases.
 */
@Repository
class StatutoryFigures {

    private final JdbcClient jdbc;

    StatutoryFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** @param authorities the authorities counted, or null for all */
    List<StatutoryReport.Row> byFinancialYear(Collection<String> authorities, LocalDate from, LocalDate to) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (authorities != null) {
            where.append(" AND n.local_authority IN (:authorities)");
            params.put("authorities", authorities);
        }
        if (from != null) {
            where.append(" AND n.aware_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            where.append(" AND n.aware_on <= :to");
            params.put("to", to);
        }
        String sql = """
                SELECT financial_year,
                       COUNT(*) AS notifications,
                       SUM(CASE WHEN late THEN 0 ELSE 1 END) AS notified_on_time,
                       SUM(CASE WHEN decision IS NOT NULL THEN 1 ELSE 0 END) AS rapid_reviews,
                       SUM(CASE WHEN rapid_review_state = 'MET' THEN 1 ELSE 0 END) AS rapid_reviews_on_time,
                       SUM(CASE WHEN panel_concurs THEN 1 ELSE 0 END) AS panel_concurred,
                       SUM(CASE WHEN decision = 'LCSPR' THEN 1 ELSE 0 END) AS lcsprs,
                       SUM(CASE WHEN published_on IS NOT NULL THEN 1 ELSE 0 END) AS published,
                       SUM(CASE WHEN publication_state = 'MET' THEN 1 ELSE 0 END) AS published_on_time,
                       SUM(CASE WHEN publication_state = 'PAUSED' THEN 1 ELSE 0 END) AS embargoed,
                       SUM(CASE WHEN decision = 'LCSPR' AND published_on IS NULL
                                 AND (publication_state IS NULL OR publication_state <> 'PAUSED') THEN 1 ELSE 0 END) AS in_progress
                FROM (
                    SELECT CASE WHEN EXTRACT(MONTH FROM n.aware_on) >= 4 THEN EXTRACT(YEAR FROM n.aware_on)
                                ELSE EXTRACT(YEAR FROM n.aware_on) - 1 END AS financial_year,
                           n.late, n.rapid_review_decision AS decision, n.panel_concurs, n.published_on,
                           rr.state AS rapid_review_state, lc.state AS publication_state
                    FROM notification n
                    LEFT JOIN statutory_clock rr ON rr.notification_id = n.id AND rr.clock = 'RAPID_REVIEW'
                    LEFT JOIN statutory_clock lc ON lc.notification_id = n.id AND lc.clock = 'LCSPR_PUBLICATION'
                """ + where + """
                ) cases
                GROUP BY financial_year ORDER BY financial_year""";
        return jdbc.sql(sql).params(params)
                .query((rs, i) -> new StatutoryReport.Row(year(rs.getInt("financial_year")), rs.getInt("notifications"),
                        rs.getInt("notified_on_time"), rs.getInt("rapid_reviews"), rs.getInt("rapid_reviews_on_time"),
                        rs.getInt("panel_concurred"), rs.getInt("lcsprs"), rs.getInt("published"),
                        rs.getInt("published_on_time"), rs.getInt("embargoed"), rs.getInt("in_progress")))
                .list();
    }

    /** 2023 -> "2023-24". */
    static String year(int startYear) {
        return startYear + "-" + String.format("%02d", (startYear + 1) % 100);
    }
}
