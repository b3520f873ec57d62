package uk.gov.safeguarding.hub.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.safeguarding.hub.HubProperties;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.AttemptFailedException;
import uk.gov.safeguarding.hub.broker.AttemptsExhaustedException;
import uk.gov.safeguarding.hub.broker.DeadLetterListener;
import uk.gov.safeguarding.hub.broker.RetryOutlook;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.ClockType;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.delivery.DeliveryProperties;
import uk.gov.safeguarding.hub.delivery.EmailChannel;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * Fires one due rung, called by the {@code escalation} route with a key from the broker. The rung's row is moved
 * DUE -> FIRED and the email sent in one database transaction: a second copy of the message, on this or another
 * instance, waits on the row and then finds it already FIRED. A rung whose clock was met meanwhile is cancelled.
 */
@Service("escalationService")
public class EscalationService implements DeadLetterListener {

    static final String KIND = "ESCALATION";
    private static final Logger log = LoggerFactory.getLogger(EscalationService.class);

    private final EscalationRepository escalations;
    private final ClockRepository clocks;
    private final StatutoryClocks statutoryClocks;
    private final WorkingDayCalendar calendar;
    private final NotificationRepository notifications;
    private final RecipientChannels recipients;
    private final EmailChannel email;
    private final AuditTrail audit;
    private final HubProperties hub;
    private final DeliveryProperties retries;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EscalationEmailComposer composer = new EscalationEmailComposer();

    EscalationService(EscalationRepository escalations, ClockRepository clocks, StatutoryClocks statutoryClocks,
                      WorkingDayCalendar calendar, NotificationRepository notifications,
                      RecipientChannels recipients, EmailChannel email,
                      AuditTrail audit, HubProperties hub, DeliveryProperties retries, TransactionTemplate transaction,
                      Clock clock, MeterRegistry meters) {
        this.escalations = escalations;
        this.clocks = clocks;
        this.statutoryClocks = statutoryClocks;
        this.calendar = calendar;
        this.notifications = notifications;
        this.recipients = recipients;
        this.email = email;
        this.audit = audit;
        this.hub = hub;
        this.retries = retries;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    public void fire(String keyText) {
        EscalationKey key = EscalationKey.parse(keyText);
        EscalationRepository.Row row = escalations.find(key).orElseThrow(() ->
                new AttemptsExhaustedException(KIND, "No escalation " + keyText + " in the database", null));
        if (!"DUE".equals(row.state())) {
            log.info("Escalation {} is {}; not fired again", key, row.state());
            return;
        }
        ClockRepository.StoredClock stored = clocks.find(key.notificationId(), key.clock()).orElseThrow();
        if (stored.met()) {
            escalations.cancel(key);
            return;
        }
        if (stored.paused()) {
            escalations.hold(key);
            return;
        }
        try {
            transaction.executeWithoutResult(tx -> {
                if (escalations.fire(key, OffsetDateTime.now(clock))) {
                    send(row, stored);
                    audit.record(key.notificationId(), AuditEvent.ESCALATED, AuditTrail.HUB,
                            key.clock() + " rung " + key.rung() + " to " + String.join(", ", row.recipients()));
                    meters.counter("hub.escalations", "clock", key.clock().name(), "rung", key.rung()).increment();
                }
            });
        } catch (RuntimeException e) {
            failed(row, e);
        }
    }

    private void send(EscalationRepository.Row row, ClockRepository.StoredClock stored) {
        EscalationKey key = row.key();
        NotificationRepository.StoredNotification notification = notifications.find(key.notificationId()).orElseThrow();
        boolean breached = Rung.BREACH.equals(key.rung()) || statutoryClocks.hasClosed(stored.deadline());
        EscalationEmailComposer.Escalation content = new EscalationEmailComposer.Escalation(notification.id(),
                notification.trustReference(), recipients.authorityLabel(notification.localAuthority()),
                notification.incidentType().name(), key.clock(), key.rung(), stored.deadline(),
                calendar.workingDaysBetween(statutoryClocks.today(), stored.deadline()), breached,
                outstanding(key, notification.localAuthority()), hub.link("/api/v1/notifications/" + notification.id()));
        try {
            email.send(messageId(key), row.recipients(), composer.subject(content), composer.text(content),
                    composer.html(content));
        } catch (Exception e) {
            throw new AttemptFailedException("Escalation email " + key + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> outstanding(EscalationKey key, String localAuthority) {
        return switch (key.clock()) {
            case NOTIFICATION -> notifications.unacknowledged(key.notificationId()).stream()
                    .map(r -> recipients.nameOf(r, localAuthority) + " has not acknowledged the notification").toList();
            case RAPID_REVIEW -> List.of("The rapid review outcome has not been recorded");
            case LCSPR_PUBLICATION -> List.of("The LCSPR publication has not been recorded");
        };
    }

    /** A stable id, so that a repeat after a crash can be dropped by the mail system. */
    private static String messageId(EscalationKey key) {
        return "escalation-" + key.notificationId() + "-" + key.clock() + "-" + key.rung().replace("-", "minus");
    }

    private void failed(EscalationRepository.Row row, RuntimeException cause) {
        Throwable root = cause.getCause() == null ? cause : cause.getCause();
        String description = AttemptFailedException.describe(root);
        int attempts = escalations.recordFailure(row.key(), description);
        String attempt = "escalation " + row.key().clock() + " rung " + row.key().rung() + ", attempt " + attempts
                + " of " + retries.maxAttempts() + " failed";
        audit.record(row.key().notificationId(), AuditEvent.FAILED, AuditTrail.HUB,
                attempt + "; " + RetryOutlook.of(attempts, retries.maxAttempts()), description);
        String detail = attempt + ": " + description;
        log.warn("Escalation {} {}", row.key(), detail);
        throw AttemptFailedException.after(KIND, attempts, retries.maxAttempts(), detail, root);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    @Transactional
    public void deadLettered(String keyText, String cause) {
        EscalationKey key = EscalationKey.parse(keyText);
        if (escalations.markDeadLettered(key)) {
            audit.record(key.notificationId(), AuditEvent.DEAD_LETTERED, AuditTrail.HUB,
                    "escalation " + key.clock() + " rung " + key.rung() + " is in the dead-letter queue", cause);
        }
    }

    @Override
    public String queue() {
        return "hub.escalation";
    }

    @Override
    public Optional<Subject> describe(String keyText) {
        return escalations.find(EscalationKey.parse(keyText)).map(r -> new Subject(r.key().notificationId(),
                "ESCALATION " + r.key().clock() + " " + r.key().rung(), "EMAIL", r.attempts(), r.state(),
                "DUE".equals(r.state())));
    }

    @Override
    @Transactional
    public void retrying(String keyText, String actor) {
        EscalationKey key = EscalationKey.parse(keyText);
        if (escalations.resetForRetry(key)) {
            audit.record(key.notificationId(), AuditEvent.RETRIED, actor,
                    "escalation " + key.clock() + " rung " + key.rung() + " from the dead-letter queue");
        }
    }

    @Override
    @Transactional
    public void discarded(String keyText, String reason, String actor) {
        EscalationKey key = EscalationKey.parse(keyText);
        if (escalations.markDiscarded(key)) {
            audit.record(key.notificationId(), AuditEvent.DISCARDED, actor,
                    "escalation " + key.clock() + " rung " + key.rung() + " discarded", reason);
        }
    }

    /** The rungs that fired for a notification, for {@code GET /api/v1/notifications/{id}}. */
    public List<Fired> fired(String notificationId) {
        return escalations.fired(notificationId).stream()
                .map(r -> new Fired(r.key().notificationId(), r.key().clock(), r.key().rung(), r.firedAt(), r.recipients()))
                .toList();
    }

    /** The latest rungs fired across all notifications, newest first. */
    public List<Fired> recentlyFired(int limit) {
        return escalations.recentlyFired(limit).stream()
                .map(r -> new Fired(r.key().notificationId(), r.key().clock(), r.key().rung(), r.firedAt(), r.recipients()))
                .toList();
    }

    public record Fired(String notificationId, ClockType clock, String rung, OffsetDateTime firedAt, List<String> to) {
    }
}
