package uk.gov.safeguarding.hub.delivery;

/** An attempt failed and attempts remain: the broker will redeliver the message after its backoff. */
public class DeliveryFailedException extends RuntimeException {

    public DeliveryFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
