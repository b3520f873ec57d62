package uk.gov.safeguarding.hub.broker;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import uk.gov.safeguarding.hub.audit.AuditEvent;
import uk.gov.safeguarding.hub.audit.AuditTrail;

/**
 * What every broker consumer does when an attempt at its work fails: audit it (the cause for operations only), count
 * it, log it, and answer what to throw: a retry while attempts remain, the dead-letter queue after the last.
 */
@Component
public class FailedAttempts {

    private static final Logger log = LoggerFactory.getLogger(FailedAttempts.class);

    private final RetryPolicy policy;
    private final AuditTrail audit;
    private final MeterRegistry meters;

    FailedAttempts(RetryPolicy policy, AuditTrail audit, MeterRegistry meters) {
        this.policy = policy;
        this.audit = audit;
        this.meters = meters;
    }

    /**
     * @param kind     what the work was for (DELIVERY, ESCALATION): the {@link DeadLetterListener} to tell
     * @param what     the work, as anyone who may read the notification may read it: "OFSTED by EMAIL"
     * @param attempts the attempts made so far, this one included
     */
    public RuntimeException failed(String kind, String notificationId, String what, int attempts, Throwable cause) {
        if (cause instanceof InterruptedException) {
            Thread.currentThread().interrupt();
        }
        String description = AttemptFailedException.describe(cause);
        String attempt = what + ", attempt " + attempts + " of " + policy.maxAttempts() + " failed";
        String outlook = attempts >= policy.maxAttempts()
                ? "no attempts left: it goes to the dead-letter queue for operations" : "a retry is scheduled";
        audit.record(notificationId, AuditEvent.FAILED, AuditTrail.HUB, attempt + "; " + outlook, description);
        meters.counter("hub.attempts.failed", "kind", kind).increment();
        String detail = attempt + ": " + description;
        log.warn("{} {}", kind, detail);
        return AttemptFailedException.after(kind, attempts, policy.maxAttempts(), detail, cause);
    }

    /** A description of a cause for the records of a failed attempt. */
    public static String describe(Throwable cause) {
        return AttemptFailedException.describe(cause);
    }
}
