package uk.gov.safeguarding.hub.report;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/reports/statutory} (SPEC §11): one row per financial year of the notifications' awareOn.
 *
 * @param authority     the authority reported on, or null for every authority the caller may read
 * @param authorityName "Sandwell (E08000028)", or null with no single authority
 */
public record StatutoryReport(String authority, String authorityName, LocalDate from, LocalDate to, List<Row> rows) {

    /** The CSV columns, in order. */
    static final List<String> COLUMNS = List.of("year", "notifications", "notifiedOnTime", "rapidReviews",
            "rapidReviewsOnTime", "panelConcurred", "lcsprs", "published", "publishedOnTime", "embargoed", "inProgress");

    /**
     * @param year               the financial year, "2023-24" (1 April 2023 to 31 March 2024)
     * @param notifiedOnTime     notifications that were not late
     * @param rapidReviewsOnTime rapid-review outcomes delivered to the Panel within 15 working days
     * @param publishedOnTime    LCSPRs published within 6 months of the decision (embargoes excepted)
     * @param embargoed          LCSPRs whose publication is embargoed now
     * @param inProgress         LCSPRs decided, not published and not embargoed
     */
    public record Row(String year, int notifications, int notifiedOnTime, int rapidReviews, int rapidReviewsOnTime,
                      int panelConcurred, int lcsprs, int published, int publishedOnTime, int embargoed,
                      int inProgress) {

        String csv() {
            return String.join(",", year, String.valueOf(notifications), String.valueOf(notifiedOnTime),
                    String.valueOf(rapidReviews), String.valueOf(rapidReviewsOnTime), String.valueOf(panelConcurred),
                    String.valueOf(lcsprs), String.valueOf(published), String.valueOf(publishedOnTime),
                    String.valueOf(embargoed), String.valueOf(inProgress));
        }
    }

    String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        rows.forEach(row -> csv.append(row.csv()).append("\r\n"));
        return csv.toString();
    }
}
