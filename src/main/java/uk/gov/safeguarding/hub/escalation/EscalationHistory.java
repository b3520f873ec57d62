package uk.gov.safeguarding.hub.escalation;

import org.springframework.stereotype.Service;
import uk.gov.safeguarding.hub.clock.ClockType;

import java.time.OffsetDateTime;
import java.util.List;

/** The rungs that have fired, for the views of a notification and of the console. */
@Service
public class EscalationHistory {

    private final EscalationRepository escalations;

    EscalationHistory(EscalationRepository escalations) {
        this.escalations = escalations;
    }

    /** The rungs that fired for a notification, earliest first. */
    public List<Fired> fired(String notificationId) {
        return escalations.fired(notificationId).stream().map(EscalationHistory::fired).toList();
    }

    /** The latest rungs fired across all notifications, newest first. */
    public List<Fired> recentlyFired(int limit) {
        return escalations.recentlyFired(limit).stream().map(EscalationHistory::fired).toList();
    }

    private static Fired fired(EscalationRepository.Row r) {
        return new Fired(r.key().notificationId(), r.key().clock(), r.key().rung(), r.firedAt(), r.recipients());
    }

    public record Fired(String notificationId, ClockType clock, String rung, OffsetDateTime firedAt, List<String> to) {
    }
}
