package uk.gov.safeguarding.hub.broker;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A feature whose broker messages can be dead-lettered: it records dead letters, describes them to operations
 * and follows their retry or discard in its own state.
 */
public interface DeadLetterListener {

    /** The kind of message this listener owns, as given to {@link AttemptsExhaustedException}. */
    String kind();

    /** The broker queue that work of this kind is consumed from, where a retried message goes back to. */
    String queue();

    void deadLettered(String id, String cause);

    /** What operations may see of the message's subject: ids and routing, never child data. */
    Optional<Subject> describe(String id);

    /** {@link #describe} of many subjects at once, in one query; a subject that no longer exists is absent. */
    Map<String, Subject> describeAll(Collection<String> ids);

    /** The message goes back to its queue: the subject is made pending again with fresh attempts. */
    void retrying(String id, String actor);

    /** The message is removed for good: the subject is marked discarded. */
    void discarded(String id, String reason, String actor);

    /**
     * @param state   the subject's state now: a delivery's (PENDING, SENT, ...) or an escalation rung's (DUE, FIRED, ...)
     * @param waiting whether the work is still to be done, i.e. waiting for its next attempt
     */
    record Subject(String notificationId, String recipient, String channel, int attempts, String state, boolean waiting) {
    }
}
