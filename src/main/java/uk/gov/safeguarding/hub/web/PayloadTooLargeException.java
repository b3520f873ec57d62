package uk.gov.safeguarding.hub.web;

/** A request body over {@code hub.intake.max-body-bytes}. */
public class PayloadTooLargeException extends RuntimeException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit + " bytes; nothing was stored");
    }
}
