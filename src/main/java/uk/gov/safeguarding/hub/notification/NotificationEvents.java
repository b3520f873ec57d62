package uk.gov.safeguarding.hub.notification;

import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.OffsetDateTime;
import java.util.Set;

/** What other features hear about notifications, inside the transaction that stored them. */
public final class NotificationEvents {

    private NotificationEvents() {
    }

    /** A notification was accepted and routed: its deliveries are to be planned in the same transaction. */
    public record Accepted(String notificationId, String localAuthority, Set<Recipient> recipients, OffsetDateTime at) {
    }
}
