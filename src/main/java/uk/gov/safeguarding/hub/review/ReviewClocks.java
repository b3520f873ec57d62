package uk.gov.safeguarding.hub.review;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.delivery.DeliveryEvents;
import uk.gov.safeguarding.hub.delivery.DeliveryKind;
import uk.gov.safeguarding.hub.routing.Recipient;

/**
 * The RAPID_REVIEW clock (SPEC §3) reacts to deliveries: it starts the day the notification is first delivered,
 * and is met when the rapid review's outcome has been delivered to the National Panel, not when it is recorded.
 */
@Component
class ReviewClocks {

    private final StatutoryClocks clocks;

    ReviewClocks(StatutoryClocks clocks) {
        this.clocks = clocks;
    }

    @EventListener
    void delivered(DeliveryEvents.Sent sent) {
        if (sent.kind() == DeliveryKind.NOTIFICATION) {
            clocks.start(sent.notificationId(), sent.localAuthority(), ClockType.RAPID_REVIEW, clocks.today(), AuditTrail.HUB);
        } else if (sent.kind() == DeliveryKind.RAPID_REVIEW_OUTCOME && sent.recipient() == Recipient.NATIONAL_PANEL) {
            clocks.meet(sent.notificationId(), ClockType.RAPID_REVIEW, AuditTrail.HUB);
        }
    }
}
