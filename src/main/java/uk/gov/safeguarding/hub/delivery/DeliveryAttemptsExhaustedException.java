package uk.gov.safeguarding.hub.delivery;

/** The last allowed attempt failed: the delivery route moves the message to the dead-letter queue. */
public class DeliveryAttemptsExhaustedException extends RuntimeException {

    private final String causeType;

    public DeliveryAttemptsExhaustedException(String message, Throwable cause) {
        super(message, cause);
        this.causeType = cause == null ? "unknown" : cause.getClass().getName();
    }

    /** The class of the failure that spent the last attempt, recorded on the dead letter for grouping. */
    public String getCauseType() {
        return causeType;
    }
}
