package uk.gov.safeguarding.hub.broker;

import java.util.List;

/** The hub's broker queues (the routes in {@code routes/} name the same queues). */
public final class Queues {

    public static final String DELIVERY = "hub.delivery";
    public static final String ESCALATION = "hub.escalation";
    public static final String DEAD_LETTER = "hub.dead-letter";
    /** The queues of work that is retried and, at last, dead-lettered. */
    public static final List<String> WORK = List.of(DELIVERY, ESCALATION);

    private Queues() {
    }
}
