package uk.gov.safeguarding.hub.delivery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;

/** Records in the database that a delivery's message now sits in the dead-letter queue, and why. */
@Component
class DeliveryDeadLetters implements DeadLetterListener {

    static final String KIND = "DELIVERY";
    private final DeliveryRepository deliveries;
    private final AuditTrail audit;

    DeliveryDeadLetters(DeliveryRepository deliveries, AuditTrail audit) {
        this.deliveries = deliveries;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void deadLettered(String deliveryId, String cause) {
        deliveries.find(deliveryId).ifPresent(delivery -> {
            if (deliveries.markDeadLettered(deliveryId)) {
                audit.record(delivery.notificationId(), AuditEvent.DEAD_LETTERED, AuditTrail.HUB, cause);
            }
        });
    }
}
