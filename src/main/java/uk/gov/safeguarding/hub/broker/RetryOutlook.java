package uk.gov.safeguarding.hub.broker;

/** What happens after a failed attempt, in words anyone may read (the cause itself is for operations only). */
public final class RetryOutlook {

    private RetryOutlook() {
    }

    public static String of(int attempts, int maxAttempts) {
        return attempts >= maxAttempts ? "no attempts left: it goes to the dead-letter queue for operations"
                : "a retry is scheduled";
    }
}
