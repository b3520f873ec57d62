package uk.gov.safeguarding.hub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.safeguarding.hub.HubProperties;
import uk.gov.safeguarding.hub.acknowledgement.AcknowledgementTokens;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.AttemptFailedException;
import uk.gov.safeguarding.hub.broker.AttemptsExhaustedException;
import uk.gov.safeguarding.hub.broker.RetryOutlook;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository.StoredDelivery;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository.StoredNotification;
import uk.gov.safeguarding.hub.routing.Channel;
import uk.gov.safeguarding.hub.routing.RecipientChannels;
import uk.gov.safeguarding.hub.routing.RecipientDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
    private final NotificationRepository notifications;
    private final ClockRepository clocks;
    private final ApplicationEventPublisher events;
    private final RecipientChannels channels;
    private final EmailChannel email;
    private final WebhookChannel webhook;
    private final AcknowledgementTokens tokens;
    private final AuditTrail audit;
    private final HubProperties hub;
    private final DeliveryProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EmailComposer composer = new EmailComposer();

    DeliveryService(DeliveryRepository deliveries, NotificationRepository notifications, ClockRepository clocks,
                    ApplicationEventPublisher events, RecipientChannels channels, EmailChannel email,
                    WebhookChannel webhook, AcknowledgementTokens tokens, AuditTrail audit, HubProperties hub,
                    DeliveryProperties properties, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.clocks = clocks;
        this.events = events;
        this.channels = channels;
        this.email = email;
        this.webhook = webhook;
        this.tokens = tokens;
        this.audit = audit;
        this.hub = hub;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    public void deliver(String deliveryId) {
        StoredDelivery delivery = deliveries.find(deliveryId).orElseThrow(() ->
                new AttemptsExhaustedException(DeliveryDeadLetters.KIND, "No delivery " + deliveryId + " in the database", null));
        if (delivery.state() != DeliveryState.PENDING) {
            log.info("Delivery {} is already {}; not made again", deliveryId, delivery.state());
            return;
        }
        StoredNotification notification = notifications.find(delivery.notificationId()).orElseThrow();
        try {
            send(delivery, notification);
        } catch (Exception e) {
            failed(delivery, e);
        }
        transaction.executeWithoutResult(tx -> {
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (deliveries.markSent(deliveryId, now)) {
                audit.record(notification.id(), AuditEvent.SENT, AuditTrail.HUB, describe(delivery)
                        + " by " + delivery.channel() + ", attempt " + (delivery.attempts() + 1));
                events.publishEvent(new DeliveryEvents.Sent(notification.id(), notification.localAuthority(),
                        delivery.kind(), delivery.recipient(), now));
            }
        });
    }

    private void send(StoredDelivery delivery, StoredNotification notification) throws Exception {
        List<ClockRepository.StoredClock> clocksOfNotification = clocks.forNotification(notification.id());
        DeliveryContent content = content(delivery, notification, clocksOfNotification);
        RecipientDirectory.Channels reach = channels.of(delivery.recipient(), notification.localAuthority());
        if (delivery.channel() == Channel.EMAIL) {
            email.send(delivery.id(), reach.emails(), composer.subject(content), composer.text(content),
                    composer.html(content));
        } else {
            webhook.post(delivery.id(), reach.webhook(), webhookPayload(content, notification, clocksOfNotification));
        }
    }

    private void failed(StoredDelivery delivery, Exception cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String description = AttemptFailedException.describe(cause);
        int attempts = deliveries.recordFailure(delivery.id(), description);
        String attempt = describe(delivery) + " by " + delivery.channel() + ", attempt " + attempts + " of "
                + properties.maxAttempts() + " failed";
        audit.record(delivery.notificationId(), AuditEvent.FAILED, AuditTrail.HUB,
                attempt + "; " + RetryOutlook.of(attempts, properties.maxAttempts()), description);
        String detail = attempt + ": " + description;
        meters.counter("hub.delivery.failed.attempts", "recipient", delivery.recipient().name(),
                "channel", delivery.channel().name()).increment();
        log.warn("Delivery {} {}", delivery.id(), detail);
        throw AttemptFailedException.after(DeliveryDeadLetters.KIND, attempts, properties.maxAttempts(), detail, cause);
    }

    /** "OFSTED", or "NATIONAL_PANEL rapid review outcome" for a delivery of the review stage. */
    static String describe(StoredDelivery delivery) {
        return delivery.kind() == DeliveryKind.NOTIFICATION ? delivery.recipient().name()
                : delivery.recipient() + " " + delivery.kind().label();
    }

    private DeliveryContent content(StoredDelivery delivery, StoredNotification notification,
                                    List<ClockRepository.StoredClock> clocksOfNotification) {
        Map<ClockType, LocalDate> deadlines = new EnumMap<>(ClockType.class);
        clocksOfNotification.forEach(c -> deadlines.put(c.clock(), c.deadline()));
        return new DeliveryContent(delivery.id(), delivery.kind(), notification.id(), delivery.recipient(),
                channels.nameOf(delivery.recipient(), notification.localAuthority()), notification.trustReference(),
                notification.localAuthority(), channels.authorityLabel(notification.localAuthority()),
                notification.incidentType().name(), notification.occurredOn(),
                notification.awareOn(), deadlines, notification.late(),
                delivery.kind() == DeliveryKind.NOTIFICATION ? null : notifications.reviewStage(notification.id()),
                hub.link("/acknowledgements/" + tokens.issue(delivery.id(), clock.instant())),
                hub.link("/api/v1/notifications/" + notification.id()));
    }

    private WebhookPayload webhookPayload(DeliveryContent content, StoredNotification notification,
                                          List<ClockRepository.StoredClock> clocksOfNotification) {
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        clocksOfNotification.forEach(c -> deadlines.put(c.clock().name(), c.deadline()));
        boolean notificationItself = content.kind() == DeliveryKind.NOTIFICATION;
        return new WebhookPayload(content.kind().event(), content.deliveryId(), notification.id(), content.recipient().name(),
                content.recipientName(), notification.trustReference(), notification.localAuthority(),
                content.localAuthorityLabel(), notification.late(),
                new WebhookPayload.Incident(notification.incidentType().name(), notification.occurredOn(),
                        notification.awareOn(), notification.location(), notification.abuseOrNeglect(),
                        notification.summary()),
                // the review stage's steps refer to the notification; they do not carry its children again
                notificationItself ? notifications.children(notification.id()) : List.of(), content.reviewStage(),
                deadlines, content.acknowledgementUrl(),
                notificationItself ? content.notificationApiUrl() + "/acknowledgements" : null);
    }
}
