package uk.gov.safeguarding.hub.escalation;

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

/** Keeps an escalation's state in step with its message on the dead-letter queue: dead-lettered, retried, discarded. */
@Component
class EscalationDeadLetters implements DeadLetterListener {

    private final EscalationRepository escalations;
    private final AuditTrail audit;

    EscalationDeadLetters(EscalationRepository escalations, AuditTrail audit) {
        this.escalations = escalations;
        this.audit = audit;
    }

    @Override
    public String kind() {
        return EscalationFiring.KIND;
    }

    @Override
    public String queue() {
        return Queues.ESCALATION;
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
    public Optional<Subject> describe(String keyText) {
        return escalations.find(EscalationKey.parse(keyText)).map(EscalationDeadLetters::subject);
    }

    @Override
    public Map<String, Subject> describeAll(Collection<String> keys) {
        return escalations.findAll(keys.stream().map(EscalationKey::parse).toList()).stream()
                .collect(Collectors.toMap(row -> row.key().toString(), EscalationDeadLetters::subject));
    }

    private static Subject subject(EscalationRepository.Row r) {
        return new Subject(r.key().notificationId(), "ESCALATION " + r.key().clock() + " " + r.key().rung(), "EMAIL",
                r.attempts(), r.state().name(), r.state() == EscalationState.DUE);
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
}
