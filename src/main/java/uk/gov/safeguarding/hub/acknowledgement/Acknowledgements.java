package uk.gov.safeguarding.hub.acknowledgement;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
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

    /** Acknowledges for {@code recipient}; the time of its first acknowledgement. */
    @Transactional
    public OffsetDateTime acknowledge(String notificationId, Recipient recipient, String actor, String via) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (notifications.acknowledge(notificationId, recipient, now, actor)) {
            deliveries.markAcknowledged(notificationId, recipient, now);
            audit.record(notificationId, AuditEvent.ACKNOWLEDGED, actor, recipient + " by " + via);
            if (notifications.unacknowledged(notificationId).isEmpty()) {
                clocks.meet(notificationId, ClockType.NOTIFICATION, actor);
            }
        }
        return notifications.acknowledgements(notificationId).get(recipient);
    }
}
