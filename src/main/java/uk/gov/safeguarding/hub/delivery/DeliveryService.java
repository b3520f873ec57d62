package uk.gov.safeguarding.hub.delivery;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.delivery.DeliveryRepository.StoredDelivery;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.notification.NotificationRepository.StoredNotification;
import uk.gov.safeguarding.hub.routing.Channel;
import uk.gov.safeguarding.hub.routing.RecipientChannels;
import uk.gov.safeguarding.hub.routing.RecipientDirectory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Makes one delivery: called by the {@code delivery} route with a delivery id from the broker. A delivery already
 * made is never made again; a failed attempt is counted, and the caller learns whether to retry or dead-letter.
 */
@Service("deliveryService")
public class DeliveryService {

    private static final Logger log = LoggerFactory.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final NotificationRepository notifications;
    private final ClockRepository clocks;
    private final StatutoryClocks statutoryClocks;
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
                    StatutoryClocks statutoryClocks, RecipientChannels channels, EmailChannel email,
                    WebhookChannel webhook, AcknowledgementTokens tokens, AuditTrail audit, HubProperties hub,
                    DeliveryProperties properties, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.deliveries = deliveries;
        this.notifications = notifications;
        this.clocks = clocks;
        this.statutoryClocks = statutoryClocks;
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
            if (deliveries.markSent(deliveryId, OffsetDateTime.now(clock))) {
                audit.record(notification.id(), AuditEvent.SENT, AuditTrail.HUB,
                        delivery.recipient() + " by " + delivery.channel() + ", attempt " + (delivery.attempts() + 1));
                statutoryClocks.start(notification.id(), notification.localAuthority(), ClockType.RAPID_REVIEW,
                        statutoryClocks.today(), AuditTrail.HUB);
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
        String attempt = delivery.recipient() + " by " + delivery.channel() + ", attempt " + attempts + " of "
                + properties.maxAttempts() + " failed";
        audit.record(delivery.notificationId(), AuditEvent.FAILED, AuditTrail.HUB,
                attempt + "; " + RetryOutlook.of(attempts, properties.maxAttempts()), description);
        String detail = attempt + ": " + description;
        meters.counter("hub.delivery.failed.attempts", "recipient", delivery.recipient().name(),
                "channel", delivery.channel().name()).increment();
        log.warn("Delivery {} {}", delivery.id(), detail);
        throw AttemptFailedException.after(DeliveryDeadLetters.KIND, attempts, properties.maxAttempts(), detail, cause);
    }

    private DeliveryContent content(StoredDelivery delivery, StoredNotification notification,
                                    List<ClockRepository.StoredClock> clocksOfNotification) {
        LocalDate deadline = clocksOfNotification.stream()
                .filter(c -> c.clock() == ClockType.NOTIFICATION).findFirst().orElseThrow().deadline();
        return new DeliveryContent(delivery.id(), notification.id(), delivery.recipient(),
                channels.nameOf(delivery.recipient(), notification.localAuthority()), notification.trustReference(),
                notification.localAuthority(), channels.authorityLabel(notification.localAuthority()),
                notification.incidentType().name(), notification.occurredOn(),
                notification.awareOn(), deadline, notification.late(),
                hub.link("/acknowledgements/" + tokens.issue(delivery.id(), clock.instant())),
                hub.link("/api/v1/notifications/" + notification.id()));
    }

    private WebhookPayload webhookPayload(DeliveryContent content, StoredNotification notification,
                                          List<ClockRepository.StoredClock> clocksOfNotification) {
        Map<String, LocalDate> deadlines = new LinkedHashMap<>();
        clocksOfNotification.forEach(c -> deadlines.put(c.clock().name(), c.deadline()));
        return new WebhookPayload("notification", content.deliveryId(), notification.id(), content.recipient().name(),
                content.recipientName(), notification.trustReference(), notification.localAuthority(),
                content.localAuthorityLabel(), notification.late(),
                new WebhookPayload.Incident(notification.incidentType().name(), notification.occurredOn(),
                        notification.awareOn(), notification.location(), notification.abuseOrNeglect(),
                        notification.summary()),
                notifications.children(notification.id()), deadlines, content.acknowledgementUrl(),
                content.notificationApiUrl() + "/acknowledgements");
    }
}
