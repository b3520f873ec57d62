package uk.gov.safeguarding.hub.escalation;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import uk.gov.safeguarding.hub.HubProperties;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;
import uk.gov.safeguarding.hub.broker.AttemptFailedException;
import uk.gov.safeguarding.hub.broker.AttemptsExhaustedException;
import uk.gov.safeguarding.hub.broker.FailedAttempts;
import uk.gov.safeguarding.hub.clock.ClockRepository;
import uk.gov.safeguarding.hub.clock.StatutoryClocks;
import uk.gov.safeguarding.hub.clock.WorkingDayCalendar;
import uk.gov.safeguarding.hub.mail.EmailChannel;
import uk.gov.safeguarding.hub.mail.EmailTemplates;
import uk.gov.safeguarding.hub.notification.NotificationRepository;
import uk.gov.safeguarding.hub.routing.RecipientChannels;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Fires one due rung, called by the {@code escalation} route with a key from the broker. The rung's row is moved
 * DUE -> FIRED and the email sent in one database transaction: a second copy of the message, on this or another
 * instance, waits on the row and then finds it already FIRED. A rung whose clock was met meanwhile is cancelled;
 * one whose clock was paused is held until it resumes.
 */
@Service("escalationFiring")
public class EscalationFiring {

    static final String KIND = "ESCALATION";
    private static final Logger log = LoggerFactory.getLogger(EscalationFiring.class);

    private final EscalationRepository escalations;
    private final ClockRepository clocks;
    private final StatutoryClocks statutoryClocks;
    private final WorkingDayCalendar calendar;
    private final NotificationRepository notifications;
    private final RecipientChannels recipients;
    private final EmailChannel email;
    private final EmailTemplates templates;
    private final AuditTrail audit;
    private final HubProperties hub;
    private final FailedAttempts failures;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final MeterRegistry meters;
    private final EscalationEmailComposer composer = new EscalationEmailComposer();

    EscalationFiring(EscalationRepository escalations, ClockRepository clocks, StatutoryClocks statutoryClocks,
                     WorkingDayCalendar calendar, NotificationRepository notifications, RecipientChannels recipients,
                     EmailChannel email, EmailTemplates templates, AuditTrail audit, HubProperties hub,
                     FailedAttempts failures, TransactionTemplate transaction, Clock clock, MeterRegistry meters) {
        this.escalations = escalations;
        this.clocks = clocks;
        this.statutoryClocks = statutoryClocks;
        this.calendar = calendar;
        this.notifications = notifications;
        this.recipients = recipients;
        this.email = email;
        this.templates = templates;
        this.audit = audit;
        this.hub = hub;
        this.failures = failures;
        this.transaction = transaction;
        this.clock = clock;
        this.meters = meters;
    }

    public void fire(String keyText) {
        EscalationKey key = EscalationKey.parse(keyText);
        EscalationRepository.Row row = escalations.find(key).orElseThrow(() ->
                new AttemptsExhaustedException(KIND, "No escalation " + keyText + " in the database", null));
        if (row.state() != EscalationState.DUE) {
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
            Throwable cause = e.getCause() == null ? e : e.getCause();
            int attempts = escalations.recordFailure(key, FailedAttempts.describe(cause));
            throw failures.failed(KIND, key.notificationId(), "escalation " + key.clock() + " rung " + key.rung(),
                    attempts, cause);
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
                outstanding(key, notification.localAuthority()), hub.link("/notifications/" + notification.id()),
                hub.link("/clocks"));
        try {
            email.send(messageId(key), row.recipients(), templates.render(composer.letter(content)));
        } catch (Exception e) {
            throw new AttemptFailedException("Escalation email " + key + " failed: " + e.getMessage(), e);
        }
    }

    private List<String> outstanding(EscalationKey key, String localAuthority) {
        return switch (key.clock()) {
            case NOTIFICATION -> notifications.unacknowledged(key.notificationId()).stream()
                    .map(r -> recipients.nameOf(r, localAuthority) + " has not acknowledged the notification").toList();
            case RAPID_REVIEW -> List.of("The rapid review outcome has not reached the National Panel");
            case LCSPR_PUBLICATION -> List.of("The LCSPR publication has not been recorded");
        };
    }

    /** A stable id, so that a repeat after a crash can be dropped by the mail system. */
    private static String messageId(EscalationKey key) {
        return "escalation-" + key.notificationId() + "-" + key.clock() + "-" + key.rung().replace("-", "minus");
    }
}
