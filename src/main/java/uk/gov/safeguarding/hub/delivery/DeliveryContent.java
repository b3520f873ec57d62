package uk.gov.safeguarding.hub.delivery;

import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.LocalDate;
import java.util.Map;

/**
 * What a delivery may tell its recipient: references, dates and links, never child data (SPEC §7).
 *
 * @param deadlines   the deadline of each statutory clock started so far
 * @param notificationPageUrl the notification's page, where signed-in staff read it (SPEC §10)
 * @param reviewStage the steps of the review stage recorded so far, for a delivery of the review stage; null for
 *                    the notification itself
 */
public record DeliveryContent(String deliveryId, DeliveryKind kind, String notificationId, Recipient recipient,
                              String recipientName, String trustReference, String localAuthority,
                              String localAuthorityLabel, String incidentType, LocalDate occurredOn, LocalDate awareOn,
                              Map<ClockType, LocalDate> deadlines, boolean late,
                              NotificationRepository.ReviewStage reviewStage, String acknowledgementUrl,
                              String notificationApiUrl, String notificationPageUrl) {
}
