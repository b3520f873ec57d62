package uk.gov.safeguarding.hub.delivery;

import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.OffsetDateTime;

/** What other features hear about deliveries, inside the transaction that recorded it. */
public final class DeliveryEvents {

    private DeliveryEvents() {
    }

    /** A delivery was made, for the first time. */
    public record Sent(String notificationId, String localAuthority, DeliveryKind kind, Recipient recipient,
                       OffsetDateTime at) {
    }
}
