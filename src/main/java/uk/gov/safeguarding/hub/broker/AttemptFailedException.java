package uk.gov.safeguarding.hub.broker;

/**
 * An attempt at a broker message's work failed and attempts remain: the JMS transaction rolls back and the
 * broker redelivers the message after its backoff.
 */
public class AttemptFailedException extends RuntimeException {

    public AttemptFailedException(String message, Throwable cause) {
        super(message, cause);
    }

    /** What to throw after a failed attempt: a retry while attempts remain, the dead-letter queue after the last. */
    public static RuntimeException after(String kind, int attempts, int maxAttempts, String detail, Throwable cause) {
        return attempts >= maxAttempts ? new AttemptsExhaustedException(kind, detail, cause)
                : new AttemptFailedException(detail, cause);
    }

    /** "ExceptionType: message" (or just the type, when it carries no message), for the records of a failed attempt. */
    public static String describe(Throwable cause) {
        String type = cause.getClass().getSimpleName();
        return cause.getMessage() == null ? type : type + ": " + cause.getMessage();
    }
}
