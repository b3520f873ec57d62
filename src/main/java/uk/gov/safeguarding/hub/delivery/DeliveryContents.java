package uk.gov.safeguarding.hub.delivery;

import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.HubProperties;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository.StoredDelivery;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository.StoredNotification;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one delivery tells its recipient, read from the notification, its clocks and its review stage. */
@Component
class DeliveryContents {

    private final NotificationRepository notifications;
    private final ClockRepository clocks;
    private final RecipientChannels recipients;
    private final AcknowledgementLinks links;
    private final HubProperties hub;

    DeliveryContents(NotificationRepository notifications, ClockRepository clocks, RecipientChannels recipients,
                     AcknowledgementLinks links, HubProperties hub) {
        this.notifications = notifications;
        this.clocks = clocks;
        this.recipients = recipients;
        this.links = links;
        this.hub = hub;
    }

    /** What one delivery tells, with the notification it was read from (read once per attempt). */
    record Prepared(DeliveryContent content, StoredNotification notification) {
    }

    Prepared of(StoredDelivery delivery) {
        StoredNotification notification = notifications.find(delivery.notificationId()).orElseThrow();
        Map<ClockType, LocalDate> deadlines = new EnumMap<>(ClockType.class);
        clocks.forNotification(notification.id()).forEach(c -> deadlines.put(c.clock(), c.deadline()));
        return new Prepared(new DeliveryContent(delivery.id(), delivery.kind(), notification.id(), delivery.recipient(),
                recipients.nameOf(delivery.recipient(), notification.localAuthority()), notification.trustReference(),
                notification.localAuthority(), recipients.authorityLabel(notification.localAuthority()),
                notification.incidentType().name(), notification.occurredOn(), notification.awareOn(), deadlines,
                notification.late(),
                delivery.kind() == DeliveryKind.NOTIFICATION ? null : notifications.reviewStage(notification.id()),
                links.linkFor(delivery.id()), hub.link("/api/v1/notifications/" + notification.id()),
                hub.link("/notifications/" + notification.id())), notification);
    }

    /** The webhook body: the notification itself carries its children; a step of the review stage does not again. */
    WebhookPayload webhookPayload(Prepared prepared) {
        DeliveryContent content = prepared.content();
        StoredNotification notification = prepared.notification();
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        content.deadlines().forEach((clock, deadline) -> deadlines.put(clock.name(), deadline));
        boolean notificationItself = content.kind() == DeliveryKind.NOTIFICATION;
        return new WebhookPayload(content.kind().event(), content.deliveryId(), notification.id(),
                content.recipient().name(), content.recipientName(), notification.trustReference(),
                notification.localAuthority(), content.localAuthorityLabel(), notification.late(),
                new WebhookPayload.Incident(notification.incidentType().name(), notification.occurredOn(),
                        notification.awareOn(), notification.location(), notification.abuseOrNeglect(),
                        notification.summary()),
                notificationItself ? notifications.children(notification.id()) : List.of(), content.reviewStage(),
                deadlines, content.acknowledgementUrl(),
                notificationItself ? content.notificationApiUrl() + "/acknowledgements" : null);
    }
}
