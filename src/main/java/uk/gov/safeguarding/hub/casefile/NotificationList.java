package uk.gov.safeguarding.hub.casefile;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * {@code GET /api/v1/notifications} and the {@code /notifications} page: the notifications a caller may read,
 * newest first, a page at a time.
 *
 * @param hasMore there is at least one more page
 */
public record NotificationList(int page, int pageSize, boolean hasMore, List<Item> items) {

    /**
     * @param notificationClock the NOTIFICATION clock's state: RUNNING, MET or BREACHED
     * @param overdue           a statutory clock of it is still unmet past its deadline
     */
    public record Item(String id, String trustReference, String localAuthority, String localAuthorityName,
                       String incidentType, LocalDate awareOn, OffsetDateTime receivedAt, boolean late,
                       String notificationClock, LocalDate notificationDeadline, boolean overdue) {
    }
}
