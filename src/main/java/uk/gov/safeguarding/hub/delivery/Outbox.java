package uk.gov.safeguarding.hub.delivery;

import org.springframework.stereotype.Component;

import java.time.Clock;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transactional outbox: deliveries are planned in the intake transaction with no broker message yet, and
 * the {@link OutboxRelay} claims each one (so that with several hub instances one relay publishes it),
 * publishes it and marks it published. A crash between claim and publish leaves a claim that goes stale and is
 * taken over; a crash between publish and mark publishes it again, and the delivery route ignores a message
 * whose delivery is already made.
 */
@Component
class Outbox {

    private final DeliveryRepository deliveries;
    private final Clock clock;
    private final int batchSize;
    private final Duration staleClaimAfter;

    Outbox(DeliveryRepository deliveries, Clock clock, OutboxSettings settings) {
        this.deliveries = deliveries;
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.staleClaimAfter = settings.staleClaimAfter();
    }

    /** The unpublished deliveries this relay has claimed, to publish now. */
    @Transactional
    List<String> claimUnpublished() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime staleBefore = now.minus(staleClaimAfter);
        List<String> unpublished = deliveries.unpublished(staleBefore, batchSize);
        return unpublished.isEmpty() ? List.of() : deliveries.claimForPublication(unpublished, now, staleBefore);
    }

    @Transactional
    void markPublished(List<String> deliveryIds) {
        deliveries.markPublished(deliveryIds, OffsetDateTime.now(clock));
    }
}
