package uk.gov.safeguarding.hub.delivery;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.AttemptsExhaustedException;
import uk.gov.safeguarding.hub.broker.FailedAttempts;
import uk.gov.safeguarding.hub.database.GroupCommit;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository.StoredDelivery;
import uk.gov.safeguarding.hub.mail.EmailChannel;
import uk.gov.safeguarding.hub.mail.EmailTemplates;
import uk.gov.safeguarding.hub.routing.Channel;
import uk.gov.safeguarding.hub.routing.RecipientChannels;
import uk.gov.safeguarding.hub.routing.RecipientDirectory;

import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * Makes one delivery: called by the {@code delivery} route with a delivery id from the broker. A delivery already
 * made is never made again; a failed attempt is counted, and the caller learns whether to retry or dead-letter.
 * A delivery made is announced ({@link DeliveryEvents.Sent}) in the transaction that records it, for the features
 * that react to it (the review stage's clocks).
 */
@Service("deliveryService")
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final DeliveryContents contents;
    private final RecipientChannels channels;
    private final EmailChannel email;
    private final EmailTemplates templates;
    private final WebhookChannel webhook;
    private final AuditTrail audit;
    private final FailedAttempts failures;
    private final GroupCommit commits;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final EmailComposer composer = new EmailComposer();

    DeliveryService(DeliveryRepository deliveries, DeliveryContents contents, RecipientChannels channels,
                    EmailChannel email, EmailTemplates templates, WebhookChannel webhook, AuditTrail audit,
                    FailedAttempts failures, GroupCommit commits, ApplicationEventPublisher events,
                    Clock clock) {
        this.deliveries = deliveries;
        this.contents = contents;
        this.channels = channels;
        this.email = email;
        this.templates = templates;
        this.webhook = webhook;
        this.audit = audit;
        this.failures = failures;
        this.commits = commits;
        this.events = events;
        this.clock = clock;
    }

    public void deliver(String deliveryId) {
        StoredDelivery delivery = deliveries.find(deliveryId).orElseThrow(() ->
                new AttemptsExhaustedException(DeliveryDeadLetters.KIND, "No delivery " + deliveryId + " in the database", null));
        if (delivery.state() != DeliveryState.PENDING) {
            log.info("Delivery {} is already {}; not made again", deliveryId, delivery.state());
            return;
        }
        DeliveryContents.Prepared prepared = contents.of(delivery);
        DeliveryContent content = prepared.content();
        try {
            send(delivery, prepared);
        } catch (Exception e) {
            int attempts = deliveries.recordFailure(delivery.id(), FailedAttempts.describe(e));
            throw failures.failed(DeliveryDeadLetters.KIND, delivery.notificationId(), describe(delivery) + " by " + delivery.channel(),
                    attempts, e);
        }
        commits.execute(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (deliveries.markSent(deliveryId, now)) {
                audit.record(delivery.notificationId(), AuditEvent.SENT, AuditTrail.HUB, describe(delivery)
                        + " by " + delivery.channel() + ", attempt " + (delivery.attempts() + 1));
                events.publishEvent(new DeliveryEvents.Sent(delivery.notificationId(), content.localAuthority(),
                        delivery.kind(), delivery.recipient(), now));
            }
            return null;
        });
    }

    private void send(StoredDelivery delivery, DeliveryContents.Prepared prepared) throws Exception {
        DeliveryContent content = prepared.content();
        RecipientDirectory.Channels reach = channels.of(delivery.recipient(), content.localAuthority());
        if (delivery.channel() == Channel.EMAIL) {
            email.send(delivery.id(), reach.emails(), templates.render(composer.letter(content)));
        } else {
            webhook.post(delivery.id(), reach.webhook(), contents.webhookPayload(prepared));
        }
    }

    /** "OFSTED", or "NATIONAL_PANEL rapid review outcome" for a delivery of the review stage. */
    static String describe(StoredDelivery delivery) {
        return delivery.kind() == DeliveryKind.NOTIFICATION ? delivery.recipient().name()
                : delivery.recipient() + " " + delivery.kind().label();
    }
}
