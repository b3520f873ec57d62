package uk.gov.safeguarding.hub.delivery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;
import uk.gov.safeguarding.hub.broker.Queues;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Keeps a delivery's state in step with its message on the dead-letter queue: dead-lettered, retried, discarded. */
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
    public String queue() {
        return Queues.DELIVERY;
    }

    @Override
    public Optional<Subject> describe(String deliveryId) {
        return deliveries.find(deliveryId).map(DeliveryDeadLetters::subject);
    }

    @Override
    public Map<String, Subject> describeAll(Collection<String> deliveryIds) {
        return deliveries.findAll(deliveryIds).stream()
                .collect(Collectors.toMap(DeliveryRepository.StoredDelivery::id, DeliveryDeadLetters::subject));
    }

    private static Subject subject(DeliveryRepository.StoredDelivery d) {
        return new Subject(d.notificationId(), DeliveryService.describe(d), d.channel().name(), d.attempts(),
                d.state().name(), d.state() == DeliveryState.PENDING);
    }

    @Override
    @Transactional
    public void retrying(String deliveryId, String actor) {
        deliveries.find(deliveryId).ifPresent(delivery -> {
            if (deliveries.resetForRetry(deliveryId)) {
                audit.record(delivery.notificationId(), AuditEvent.RETRIED, actor,
                        DeliveryService.describe(delivery) + " by " + delivery.channel() + " from the dead-letter queue");
            }
        });
    }

    @Override
    @Transactional
    public void discarded(String deliveryId, String reason, String actor) {
        deliveries.find(deliveryId).ifPresent(delivery -> {
            if (deliveries.markDiscarded(deliveryId)) {
                audit.record(delivery.notificationId(), AuditEvent.DISCARDED, actor,
                        DeliveryService.describe(delivery) + " by " + delivery.channel() + " discarded", reason);
            }
        });
    }

    @Override
    @Transactional
    public void deadLettered(String deliveryId, String cause) {
        deliveries.find(deliveryId).ifPresent(delivery -> {
            if (deliveries.markDeadLettered(deliveryId)) {
                audit.record(delivery.notificationId(), AuditEvent.DEAD_LETTERED, AuditTrail.HUB,
                        DeliveryService.describe(delivery) + " by " + delivery.channel() + " is in the dead-letter queue", cause);
            }
        });
    }
}
