package uk.gov.safeguarding.hub.broker;

/**
 * The last allowed attempt at a broker message's work failed: the route's error handler moves the message to
 * the dead-letter queue, records the cause on it, and tells the {@link DeadLetterRecorder}.
 */
public class AttemptsExhaustedException extends RuntimeException {

    private final String kind;
    private final String causeType;

    /**
     * @param kind what the message was for, e.g. DELIVERY or ESCALATION: the {@link DeadLetterListener} to tell
     */
    public AttemptsExhaustedException(String kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.causeType = cause == null ? "unknown" : cause.getClass().getName();
    }

    public String getKind() {
        return kind;
    }

    /** The class of the failure that spent the last attempt, recorded on the dead letter for grouping. */
    public String getCauseType() {
        return causeType;
    }
}
