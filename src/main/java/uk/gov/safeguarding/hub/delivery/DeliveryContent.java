package uk.gov.safeguarding.hub.delivery;

import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.LocalDate;

/** What a delivery may tell its recipient: references, dates and links, never child data (SPEC §7). */
public record DeliveryContent(String deliveryId, String notificationId, Recipient recipient, String recipientName,
                              String trustReference, String localAuthority, String localAuthorityLabel, String incidentType, LocalDate occurredOn, LocalDate awareOn,
                              LocalDate notificationDeadline, boolean late, String acknowledgementUrl,
                              String notificationApiUrl) {
}
