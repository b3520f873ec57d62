package uk.gov.safeguarding.hub.casefile;

import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** {@code GET /api/v1/notifications/{id}} (SPEC §6). Carries no child data. */
public record NotificationView(String id, String trustReference, String localAuthority, String localAuthorityName,
                               String status, boolean late,
                               Incident incident, OffsetDateTime receivedAt, List<Recipient> recipients,
                               List<Delivery> deliveries, List<Clock> clocks, List<Escalation> escalations,
                               List<AuditTrail.Entry> audit) {

    public record Incident(String type, LocalDate occurredOn, LocalDate awareOn, String location, String abuseOrNeglect) {
    }

    /**
     * @param recipientName  the name people read: "Ofsted", or the partnership's own name
     * @param retryScheduled a failed attempt will be tried again
     * @param lastError      the cause of the last failed attempt: for operations only (SPEC §9), null for others
     */
    /** @param kind NOTIFICATION, or the step of the review stage it carried (SPEC §11) */
    public record Delivery(String kind, Recipient recipient, String recipientName, String channel, String state, int attempts,
                           boolean retryScheduled, OffsetDateTime sentAt, OffsetDateTime acknowledgedAt,
                           String lastError) {
    }

    public record Clock(String clock, LocalDate startsOn, LocalDate deadline, String state, OffsetDateTime metAt,
                        OffsetDateTime breachedAt, boolean calendarCovered) {
    }

    public record Escalation(String clock, String rung, OffsetDateTime firedAt, List<String> to) {
    }
}
