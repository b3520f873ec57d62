package uk.gov.safeguarding.hub.delivery;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transactional outbox: deliveries are planned in the intake transaction with no broker message yet, and
 * the {@code outbox-relay} route publishes each one and then marks it published. A crash between the two
 * publishes it again; the delivery route ignores a message whose delivery is already made.
 */
@Component("outbox")
public class Outbox {

    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final int batchSize;

    Outbox(DeliveryRepository deliveries, Clock clock, @Value("${hub.outbox.batch-size}") int batchSize) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.batchSize = batchSize;
    }

    public List<String> unpublished() {
        return deliveries.unpublished(batchSize);
    }

    public void markPublished(String deliveryId) {
        deliveries.markPublished(deliveryId, OffsetDateTime.now(clock));
    }
}
