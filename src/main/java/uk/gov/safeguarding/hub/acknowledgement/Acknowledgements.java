package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.delivery.DeliveryKind;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.Recipient;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Records that a recipient has received a notification. The first acknowledgement counts; a second, by any
 * channel, changes nothing. When every recipient has acknowledged, the NOTIFICATION clock is met.
 */
@Service
public class Acknowledgements {

    private final NotificationRepository notifications;
    private final DeliveryRepository deliveries;
    private final StatutoryClocks clocks;
    private final AuditTrail audit;
    private final Clock clock;

    Acknowledgements(NotificationRepository notifications, DeliveryRepository deliveries, StatutoryClocks clocks,
                     AuditTrail audit, Clock clock) {
        this.notifications = notifications;
        this.deliveries = deliveries;
        this.clocks = clocks;
        this.audit = audit;
        this.clock = clock;
    }

    /** Acknowledges the notification for {@code recipient}; the time of its first acknowledgement. */
    @Transactional
    public OffsetDateTime acknowledge(String notificationId, Recipient recipient, String actor, String via) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (notifications.acknowledge(notificationId, recipient, now, actor)) {
            deliveries.markAcknowledged(notificationId, DeliveryKind.NOTIFICATION, recipient, now);
            audit.record(notificationId, AuditEvent.ACKNOWLEDGED, actor, recipient + " by " + via);
            if (notifications.unacknowledged(notificationId).isEmpty()) {
                clocks.meet(notificationId, ClockType.NOTIFICATION, actor);
            }
        }
        return notifications.acknowledgements(notificationId).get(recipient);
    }

    /**
     * Acknowledges what one delivery carried: the notification, or a step of the review stage (which meets no
     * clock); the time of the recipient's first acknowledgement of it.
     */
    @Transactional
    public OffsetDateTime acknowledge(DeliveryRepository.StoredDelivery delivery, String actor, String via) {
        if (delivery.kind() == DeliveryKind.NOTIFICATION) {
            return acknowledge(delivery.notificationId(), delivery.recipient(), actor, via);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (deliveries.markAcknowledged(delivery.notificationId(), delivery.kind(), delivery.recipient(), now)) {
            audit.record(delivery.notificationId(), AuditEvent.ACKNOWLEDGED, actor,
                    delivery.recipient() + " " + delivery.kind().label() + " by " + via);
        }
        return acknowledgedAt(delivery);
    }

    /** When the recipient of a delivery first acknowledged what it carried, or null. */
    public OffsetDateTime acknowledgedAt(DeliveryRepository.StoredDelivery delivery) {
        return delivery.kind() == DeliveryKind.NOTIFICATION
                ? notifications.acknowledgements(delivery.notificationId()).get(delivery.recipient())
                : deliveries.acknowledgedAt(delivery.notificationId(), delivery.kind(), delivery.recipient()).orElse(null);
    }
}
