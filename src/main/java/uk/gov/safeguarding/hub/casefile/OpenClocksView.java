package uk.gov.safeguarding.hub.casefile;

import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/v1/notifications/open-clocks}: the statutory windows still open (or closed unmet) of the
 * notifications the caller may read, nearest deadline first — what is overdue and what falls due next.
 *
 * @param today the hub's day (Europe/London) that {@code overdue} and {@code workingDaysLeft} count from
 */
public record OpenClocksView(LocalDate today, List<Item> items) {

    /**
     * @param workingDaysLeft working days from today to the deadline; 0 on the deadline day, negative once overdue
     * @param notAcknowledged      for the NOTIFICATION clock, the recipients that have not acknowledged yet
     * @param notAcknowledgedNames the same recipients as people read them: "Ofsted", the partnership's name
     */
    public record Item(String notificationId, String trustReference, String localAuthority, String localAuthorityName,
                       String clock, LocalDate startsOn, LocalDate deadline, String state, boolean overdue,
                       int workingDaysLeft, List<Recipient> notAcknowledged, List<String> notAcknowledgedNames) {
    }
}
