package uk.gov.safeguarding.hub.delivery;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.notification.NotificationEvents;
import uk.gov.safeguarding.hub.routing.Channel;
import uk.gov.safeguarding.hub.routing.Recipient;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Plans the deliveries of one kind to some recipients of a notification, one per channel each recipient has, in the
 * caller's transaction, claimed for this instance's outbox relay: the relay hands them to the broker once it commits.
 */
@Component
public class DeliveryPlanner {

    private final DeliveryRepository deliveries;
    private final RecipientChannels channels;
    private final OutboxRelay relay;

    DeliveryPlanner(DeliveryRepository deliveries, RecipientChannels channels, OutboxRelay relay) {
        this.deliveries = deliveries;
        this.channels = channels;
        this.relay = relay;
    }

    /** A notification accepted: one delivery of it per channel of each of its statutory recipients. */
    @EventListener
    void accepted(NotificationEvents.Accepted accepted) {
        plan(accepted.notificationId(), accepted.localAuthority(), DeliveryKind.NOTIFICATION, accepted.recipients(),
                accepted.at());
    }

    public void plan(String notificationId, String localAuthority, DeliveryKind kind, Collection<Recipient> recipients,
                     OffsetDateTime now) {
        List<DeliveryRepository.Route> routes = new ArrayList<>();
        for (Recipient recipient : recipients.stream().sorted().toList()) {
            for (Channel channel : channels.of(recipient, localAuthority).channels()) {
                routes.add(new DeliveryRepository.Route(recipient, channel));
            }
        }
        relay.publishAfterCommit(deliveries.plan(notificationId, kind, routes, now));
    }
}
