package uk.gov.safeguarding.hub.delivery;

import uk.gov.safeguarding.hub.notification.NotificationRepository.ReviewStage;
import uk.gov.safeguarding.hub.notification.NotificationRepository.StoredChild;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The body of a webhook delivery: the notification with its acknowledgement URL (SPEC §8). A webhook is an
 * authenticated delivery to a statutory recipient, so the notification's carries the child details it holds.
 * {@code event} says what it is: "notification", or a step of the review stage ("rapid-review-outcome",
 * "panel-response", "publication-notice"), which carries the review stage and no children.
 */
public record WebhookPayload(String event, String deliveryId, String notificationId, String recipient,
                             String recipientName, String trustReference, String localAuthority,
                             String localAuthorityName, boolean late, Incident incident,
                             List<StoredChild> children, ReviewStage reviewStage, Map<String, LocalDate> deadlines,
                             String acknowledgementUrl, String acknowledgementApi) {

    public record Incident(String type, LocalDate occurredOn, LocalDate awareOn, String location, String abuseOrNeglect,
                           String summary) {
    }
}
