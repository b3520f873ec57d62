package uk.gov.safeguarding.hub.delivery;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import uk.gov.safeguarding.hub.database.GroupCommit;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The transactional outbox: deliveries are planned in the intake transaction with no broker message yet, each
 * claimed there for the {@link OutboxRelay} of the instance planning it (so that with several hub instances one
 * relay publishes it), which publishes it once that transaction commits and marks it published. A crash between
 * commit and publish leaves a claim that goes stale and is taken over by a relay looking for such claims; a crash
 * between publish and mark publishes it again, and the delivery route ignores a message whose delivery is already
 * made.
 */
@Component
class Outbox {

    private final DeliveryRepository deliveries;
    private final GroupCommit commits;
    private final Clock clock;
    private final int batchSize;
    private final Duration staleClaimAfter;

    Outbox(DeliveryRepository deliveries, GroupCommit commits, Clock clock, OutboxSettings settings) {
        this.deliveries = deliveries;
        this.commits = commits;
        this.clock = clock;
        this.batchSize = settings.batchSize();
        this.staleClaimAfter = settings.staleClaimAfter();
    }

    /** Unpublished deliveries whose claim went stale (or that none holds), now claimed by this relay to publish. */
    @Transactional
    List<String> claimUnpublished() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime staleBefore = now.minus(staleClaimAfter);
        List<String> unpublished = deliveries.unpublished(staleBefore, batchSize);
        return unpublished.isEmpty() ? List.of() : deliveries.claimForPublication(unpublished, now, staleBefore);
    }

    /**
     * Marks these deliveries published, in a commit shared with the other transactions waiting at the moment, after
     * them: it skips rows another transaction holds, and its batch then waits for nothing while it holds them.
     */
    void markPublished(List<String> deliveryIds) {
        commits.executeAtEndOfBatch(tx -> {
            deliveries.markPublished(deliveryIds, OffsetDateTime.now(clock));
            return null;
        });
    }
}
